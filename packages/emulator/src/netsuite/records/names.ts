/**
 * Display names (`refName`) and transaction numbers, as NetSuite derives them.
 */
import type { NsStore } from './store';
import type { RecordTypeDef } from './types';

/** The `refName` of a record: its name field, or "Label #tranId" for transactions. */
export function refNameOf(def: RecordTypeDef, body: Record<string, unknown>): string {
  if (def.family === 'transaction') return `${def.label} #${String(body.tranId ?? '')}`;

  const person = [body.firstName, body.lastName]
    .filter((part) => typeof part === 'string')
    .join(' ');
  const candidates = [
    body.itemId,
    body.entityId,
    body.name,
    body.companyName,
    person,
    body.acctName,
    body.symbol,
  ];
  const name = candidates.find((value) => typeof value === 'string' && value !== '');

  return typeof name === 'string' ? name : '';
}

/** Next document number of a transaction type (NetSuite's auto-numbering, one sequence per type). */
export function nextTranId(store: NsStore, type: string): string {
  const key = `tranid:${type}`;
  const next = Number(store.meta(key) ?? '100') + 1;
  store.setMeta(key, String(next));

  return String(next);
}
