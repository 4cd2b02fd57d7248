/**
 * customerPayment (applies to invoices and closes them) and customerRefund (pays out the
 * unapplied amount of credit memos or payments); shared/reference/netsuite.md §6.5.
 */
import type { Behaviour } from '../context';
import { NsError } from '../errors';
import { appliedDocIds, prepareApply } from './apply';
import { refId } from './lines';
import { formatCents, toCents } from './money';
import { openCents, ownAppliedCents } from './open-amounts';

/** Behaviour of customerPayment. */
export const customerPaymentBehaviour: Behaviour = {
  prepare(draft, ctx) {
    const appliedCents = prepareApply(ctx, draft, ['invoice'], refId(draft.body.customer));
    const paymentCents =
      draft.body.payment === undefined ? appliedCents : toCents(draft.body.payment);
    if (paymentCents < appliedCents) {
      throw new NsError(400, 'USER_ERROR', 'The total amount applied exceeds the payment amount.', {
        path: 'payment',
      });
    }

    draft.body.payment = formatCents(paymentCents);
    draft.body.applied = formatCents(appliedCents);
    draft.body.unapplied = formatCents(paymentCents - appliedCents);
    draft.body.total = formatCents(paymentCents);
    draft.body.status ??= { id: 'B', refName: 'Not Deposited' };
  },
  dependsOn(record) {
    return appliedDocIds(record.body);
  },
  refresh(record, ctx) {
    record.body.applied = formatCents(ownAppliedCents(record));
    record.body.unapplied = formatCents(openCents(ctx, record));
    ctx.store.update({ ...record, modified: ctx.clock().toISOString() });
  },
};

/** Behaviour of customerRefund. */
export const customerRefundBehaviour: Behaviour = {
  prepare(draft, ctx) {
    const refundedCents = prepareApply(
      ctx,
      draft,
      ['creditMemo', 'customerPayment'],
      refId(draft.body.customer),
    );
    if (refundedCents === 0) {
      throw new NsError(400, 'USER_ERROR', 'You must apply the refund to at least one credit.', {
        path: 'apply',
      });
    }

    draft.body.total = formatCents(refundedCents);
    draft.body.status ??= { id: 'R', refName: 'Refunded' };
  },
  dependsOn(record) {
    return appliedDocIds(record.body);
  },
};
