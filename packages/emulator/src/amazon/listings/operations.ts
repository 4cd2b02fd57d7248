/**
 * Listing writes shared by the Listings Items API and JSON_LISTINGS_FEED: put (full replace),
 * patch (add/replace/merge/delete of top-level attributes) and delete, each validated against
 * the product type definition; `VALIDATION_PREVIEW` validates without saving.
 */
import { randomUUID } from 'node:crypto';
import type { AmazonContext } from '../server/types';
import { PRODUCT_TYPES, productTypeSchema, type Requirements } from './definitions';
import { LISTING_KIND, type ListingRecord, saveListing } from './records';
import { invalidIssue, type ListingIssue, validateAttributes } from './validate';

/** Outcome of a write: Listings `ListingsItemSubmissionResponse` minus the sku. */
export interface SubmissionResult {
  status: 'ACCEPTED' | 'INVALID' | 'VALID';
  submissionId: string;
  issues: ListingIssue[];
  identifiers?: Array<{ marketplaceId: string; asin: string }>;
}

/** A patch operation (model `PatchOperation`). */
export interface PatchOperation {
  op: 'add' | 'replace' | 'merge' | 'delete';
  path: string;
  value?: unknown[];
}

const REQUIREMENTS = new Set(['LISTING', 'LISTING_PRODUCT_ONLY', 'LISTING_OFFER_ONLY']);

function result(
  issues: ListingIssue[],
  preview: boolean,
  record?: ListingRecord,
): SubmissionResult {
  const invalid = issues.some((i) => i.severity === 'ERROR');
  const status = invalid ? 'INVALID' : preview ? 'VALID' : 'ACCEPTED';
  const identifiers = record?.asin
    ? [{ marketplaceId: record.marketplaceId, asin: record.asin }]
    : undefined;
  return { status, submissionId: randomUUID(), issues, ...(identifiers ? { identifiers } : {}) };
}

function productTypeIssue(productType: unknown): ListingIssue | undefined {
  if (typeof productType === 'string' && PRODUCT_TYPES[productType]) return undefined;
  return invalidIssue('productType', `unknown product type '${String(productType)}'`);
}

/** Existing listing of a SKU. */
export function findListing(ctx: AmazonContext, sku: string): ListingRecord | undefined {
  return ctx.store.get<ListingRecord>(LISTING_KIND, sku);
}

/** Full replace (putListingsItem / feed UPDATE). */
export function putListing(
  ctx: AmazonContext,
  input: {
    sellerId: string;
    sku: string;
    marketplaceId: string;
    productType: unknown;
    requirements?: unknown;
    attributes: unknown;
  },
  preview: boolean,
): SubmissionResult {
  const typeIssue = productTypeIssue(input.productType);
  if (typeIssue) return result([typeIssue], preview);
  const requirements = (
    REQUIREMENTS.has(String(input.requirements)) ? input.requirements : 'LISTING'
  ) as Requirements;
  const attributes = (input.attributes ?? {}) as Record<string, unknown>;
  const existing = findListing(ctx, input.sku);
  // Offer-only submissions attach to an existing product, so the product attributes may be absent.
  const schema = productTypeSchema(String(input.productType), requirements);
  const issues = validateAttributes(
    schema,
    attributes,
    !(requirements === 'LISTING_OFFER_ONLY' && existing),
  );
  if (issues.length > 0 || preview) return result(issues, preview, existing);

  const now = ctx.clock().toISOString();
  const record = saveListing(ctx, {
    sku: input.sku,
    sellerId: input.sellerId,
    marketplaceId: input.marketplaceId,
    productType: String(input.productType),
    asin: existing?.asin,
    attributes,
    createdDate: existing?.createdDate ?? now,
    lastUpdatedDate: now,
  });
  return result([], false, record);
}

function applyPatch(
  attributes: Record<string, unknown>,
  patch: PatchOperation,
): ListingIssue | undefined {
  const match = /^\/attributes\/([a-z0-9_]+)$/.exec(patch.path ?? '');
  // "Only top-level listings item attributes can be patched" (model PatchOperation.path).
  if (!match)
    return invalidIssue(
      String(patch.path),
      'only top-level attributes (/attributes/<name>) can be patched',
    );
  const name = match[1] as string;

  if (patch.op === 'delete') {
    delete attributes[name];
    return undefined;
  }
  if (!['add', 'replace', 'merge'].includes(patch.op))
    return invalidIssue(name, `unsupported op '${String(patch.op)}'`);
  if (!Array.isArray(patch.value)) return invalidIssue(name, 'value must be an array');
  if (patch.op === 'merge' && Array.isArray(attributes[name])) {
    const current = attributes[name] as Array<Record<string, unknown>>;
    attributes[name] = patch.value.map((v, i) => ({ ...(current[i] ?? {}), ...(v as object) }));
    return undefined;
  }
  attributes[name] = patch.value;
  return undefined;
}

/** Partial update (patchListingsItem / feed PATCH and PARTIAL_UPDATE). */
export function patchListing(
  ctx: AmazonContext,
  input: { sku: string; productType: unknown; patches: unknown },
  preview: boolean,
): SubmissionResult | undefined {
  const existing = findListing(ctx, input.sku);
  if (!existing) return undefined;
  const typeIssue = productTypeIssue(input.productType);
  if (typeIssue) return result([typeIssue], preview, existing);
  if (!Array.isArray(input.patches) || input.patches.length === 0) {
    return result([invalidIssue('patches', 'at least one patch is required')], preview, existing);
  }

  const attributes = structuredClone(existing.attributes);
  const patchIssues = (input.patches as PatchOperation[])
    .map((p) => applyPatch(attributes, p))
    .filter((i) => i !== undefined);
  const touched = Object.fromEntries(
    (input.patches as PatchOperation[])
      .map((p) => /^\/attributes\/([a-z0-9_]+)$/.exec(p.path ?? '')?.[1])
      .filter((name): name is string => name !== undefined && attributes[name] !== undefined)
      .map((name) => [name, attributes[name]]),
  );
  const issues = [
    ...patchIssues,
    ...validateAttributes(productTypeSchema(String(input.productType)), touched, false),
  ];
  if (issues.length > 0 || preview) return result(issues, preview, existing);

  const record = saveListing(ctx, {
    ...existing,
    attributes,
    lastUpdatedDate: ctx.clock().toISOString(),
  });
  return result([], false, record);
}

/** Deletes a listing; undefined when it does not exist. */
export function deleteListing(ctx: AmazonContext, sku: string): SubmissionResult | undefined {
  const existing = findListing(ctx, sku);
  if (!existing) return undefined;
  ctx.store.delete(LISTING_KIND, sku);
  return result([], false);
}
