/**
 * The `apply` sublist of payments, credit memos and refunds: lines keyed by `doc`, each amount at
 * most the document's open amount, documents of the same customer (shared/reference/netsuite.md
 * §6.5; https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_0224093711.html).
 */
import type { Draft, NsContext } from '../context';
import { NsError, invalidFieldValue } from '../errors';
import { linesOf, refId, setLines } from './lines';
import { formatCents, toCents } from './money';
import { openCents } from './open-amounts';

const DOC_LABELS: Record<string, string> = {
  invoice: 'Invoice',
  creditMemo: 'Credit Memo',
  customerPayment: 'Payment',
};

/** Validates and completes apply lines; returns the applied cents. */
export function prepareApply(
  ctx: NsContext,
  draft: Draft,
  allowedDocs: string[],
  customerId: number | undefined,
  capCents = Number.MAX_SAFE_INTEGER,
): number {
  let appliedTotal = 0;

  const lines = linesOf(draft.body, 'apply').map((line, index) => {
    const path = `apply.items[${index}]`;
    const doc = ctx.store.get(refId(line.doc) ?? 0);
    if (doc === undefined || !allowedDocs.includes(doc.type)) {
      throw invalidFieldValue(`${path}.doc`, String(refId(line.doc) ?? ''), 'doc');
    }
    if (customerId !== undefined && refId(doc.body.entity ?? doc.body.customer) !== customerId) {
      throw new NsError(400, 'USER_ERROR', 'The document belongs to another customer.', {
        path: `${path}.doc`,
      });
    }

    const dueCents = openCents(ctx, doc, draft.id);
    if (line.apply === false) return { ...line, due: formatCents(dueCents) };

    const amountCents =
      line.amount === undefined
        ? Math.min(dueCents, capCents - appliedTotal)
        : toCents(line.amount);
    if (line.amount === undefined && amountCents <= 0)
      return { ...line, apply: false, due: formatCents(dueCents) };
    if (amountCents <= 0 || amountCents > dueCents) {
      throw new NsError(
        400,
        'USER_ERROR',
        `The amount applied (${formatCents(amountCents)}) exceeds the amount due (${formatCents(dueCents)}).`,
        {
          path: `${path}.amount`,
        },
      );
    }

    appliedTotal += amountCents;
    return {
      ...line,
      apply: true,
      amount: formatCents(amountCents),
      due: formatCents(dueCents),
      total: doc.body.total ?? doc.body.payment,
      refNum: doc.body.tranId,
      type: DOC_LABELS[doc.type] ?? doc.type,
    };
  });

  setLines(draft.body, lines, 'apply');
  return appliedTotal;
}

/** The ids of the documents a record applies to. */
export function appliedDocIds(body: Record<string, unknown>): number[] {
  return linesOf(body, 'apply').flatMap((line) => {
    const id = refId(line.doc);
    return id === undefined ? [] : [id];
  });
}
