/**
 * Confirming one package on Amazon, once. The link (`amazonPackage`) is stored only for a package
 * Amazon holds: one it accepted now, or one it already lists. A confirmation the write gate only
 * recorded (dry run, or Amazon a record-only target in a sandbox) gets no link, so a later run
 * with writes sent confirms it.
 */
import type { StarterContext } from '../flows/context';
import type { ShipmentConfirmation } from './packages';
import { getAmazonOrder } from '../flows/amazon-orders';
import { sellerIdOf } from '../flows/context';
import { toExternalIdPart } from '../support/ids';

/**
 * What became of one package: `sent` (Amazon accepted it now), `on-amazon` (Amazon already held
 * it: listed on the order, or a repeat after an earlier success), `linked-before` (a run before
 * confirmed it), `recorded` (the write gate only recorded it; nothing is remembered).
 */
export type PackageOutcome = 'sent' | 'on-amazon' | 'linked-before' | 'recorded';

/** The package to confirm and where it belongs. */
export interface PackageToConfirm {
  fulfillmentId: string;
  amazonOrderId: string;
  confirmation: ShipmentConfirmation;
  /** Whether the order read at the start of the record already lists the package. */
  isListed: boolean;
}

const LINK_RECORD_TYPE = 'amazonPackage';

/** Whether Amazon's order lists the package now (read fresh, after a failed call). */
async function isListedNow(ctx: StarterContext, pkg: PackageToConfirm): Promise<boolean> {
  const order = await getAmazonOrder(ctx, pkg.amazonOrderId);
  const reference = pkg.confirmation.packageReferenceId;

  return (order.packages ?? []).some((entry) => entry.packageReferenceId === reference);
}

/** Sends `confirmShipment` through the write gate. */
async function sendConfirmation(
  ctx: StarterContext,
  pkg: PackageToConfirm,
): Promise<'sent' | 'on-amazon' | 'recorded'> {
  const reference = pkg.confirmation.packageReferenceId;
  const intent = {
    target: 'amazon' as const,
    action: 'confirmShipment',
    recordType: 'shipment',
    externalId: reference,
    summary: `package ${reference} of Amazon order ${pkg.amazonOrderId}`,
  };

  try {
    const result = await ctx.write(intent, () =>
      ctx.amazon.call('confirmShipment', {
        path: { orderId: pkg.amazonOrderId },
        body: pkg.confirmation.body,
        signal: ctx.signal,
      }),
    );

    return result.sent ? 'sent' : 'recorded';
  } catch (error) {
    // A repeat of a confirmation Amazon already holds is done, not an error (issue #8, item 4).
    if (await isListedNow(ctx, pkg)) return 'on-amazon';

    throw error;
  }
}

/**
 * Confirms one package unless a run before did or Amazon lists it; links it once Amazon holds it.
 * With writes sent this is exactly once: the link, else Amazon's own list, stops a repeat.
 */
export async function confirmPackageOnce(
  ctx: StarterContext,
  pkg: PackageToConfirm,
): Promise<PackageOutcome> {
  const reference = pkg.confirmation.packageReferenceId;
  const sourceKey = `netsuite-fulfillment:${pkg.fulfillmentId}:${reference}`;
  // Built before anything is sent: an unknown seller id fails the record with nothing sent.
  const externalId = `amzn-pkg-${toExternalIdPart(sellerIdOf(ctx))}-${reference}`;

  if (await ctx.links.get(LINK_RECORD_TYPE, sourceKey)) return 'linked-before';

  const outcome = pkg.isListed ? 'on-amazon' : await sendConfirmation(ctx, pkg);

  // Not on Amazon: no link, so the next run with writes sent confirms it.
  if (outcome === 'recorded') return outcome;

  await ctx.links.createOnce({
    sourceKey,
    recordType: LINK_RECORD_TYPE,
    externalId,
    summary: `link package ${reference}, confirmed on Amazon`,
    create: async () => pkg.fulfillmentId,
  });

  return outcome;
}

// Records whose packages were only recorded. A WeakSet, not a field, so nothing leaks into the
// stored record of an error, and a record never handled is simply absent.
const unsentRecords = new WeakSet<object>();

/** Remembers a record with a package the write gate only recorded (read again next run). */
export function markUnsent(record: object): void {
  unsentRecords.add(record);
}

/** Whether a handled record had a package the write gate only recorded. */
export function isUnsent(record: object): boolean {
  return unsentRecords.has(record);
}
