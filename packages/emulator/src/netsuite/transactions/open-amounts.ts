/**
 * Open amounts of A/R documents, derived from the documents that apply to them: an invoice's
 * amount remaining, a credit memo's or payment's unapplied amount (what a refund can pay out).
 */
import type { NsContext } from '../context';
import { applicationsTo, type StoredRecord } from '../records/store';
import { linesOf, refId } from './lines';
import { toCents } from './money';

/** Cents a document applies to `docId` through its apply lines. */
export function appliedCents(record: StoredRecord, docId: number): number {
  return linesOf(record.body, 'apply')
    .filter((line) => refId(line.doc) === docId && line.apply !== false)
    .reduce((sum, line) => sum + toCents(line.amount ?? 0), 0);
}

/** Cents a document applies to anything. */
export function ownAppliedCents(record: StoredRecord): number {
  return linesOf(record.body, 'apply')
    .filter((line) => line.apply !== false)
    .reduce((sum, line) => sum + toCents(line.amount ?? 0), 0);
}

/** The open amount of a document, ignoring applications by `excludeId`. */
export function openCents(ctx: NsContext, doc: StoredRecord, excludeId?: number): number {
  const others = applicationsTo(ctx.store, doc.id).filter((app) => app.id !== excludeId);
  const incoming = others.reduce((sum, app) => sum + appliedCents(app, doc.id), 0);

  if (doc.type === 'invoice') return toCents(doc.body.total ?? 0) - incoming;
  if (doc.type === 'customerPayment')
    return toCents(doc.body.payment ?? 0) - ownAppliedCents(doc) - incoming;
  if (doc.type === 'creditMemo')
    return toCents(doc.body.total ?? 0) - ownAppliedCents(doc) - incoming;

  return 0;
}
