/**
 * JSON_LISTINGS_FEED processing: each message is checked against the feed message schema
 * (schemas/feeds/listings-feed-schema-v2.json) and applied to the listings like the Listings
 * Items API would; the result is the processing report of
 * schemas/feeds/listings-feed-processing-report-schema-v2.json.
 */
import type { AmazonContext } from '../server/types';
import { presentListing } from '../listings/items-routes';
import {
  deleteListing,
  findListing,
  patchListing,
  putListing,
  type SubmissionResult,
} from '../listings/operations';

/** One issue line of the processing report. */
export interface ReportIssue {
  messageId: number;
  sku: string;
  code: string;
  severity: 'ERROR' | 'WARNING' | 'INFO';
  message: string;
  attributeName?: string;
}

/** Processing report v2. */
export interface ProcessingReport {
  header: { sellerId: string; version: '2.0'; feedId: string; report?: unknown };
  issues: ReportIssue[];
  summary: {
    errors: number;
    warnings: number;
    messagesProcessed: number;
    messagesAccepted: number;
    messagesInvalid: number;
    itemSummary?: { items: number; errors: number; warnings: number };
  };
  items?: unknown[];
}

interface FeedMessage {
  messageId?: unknown;
  sku?: unknown;
  operationType?: unknown;
  productType?: unknown;
  requirements?: unknown;
  attributes?: unknown;
  patches?: unknown;
}

/** Feeds hold 1..25,000 messages (changelog 2025-05-06, feed schema `maxItems`). */
const MAX_MESSAGES = 25_000;
const OPERATIONS = new Set(['UPDATE', 'PARTIAL_UPDATE', 'PATCH', 'DELETE']);
const MAX_MESSAGE_ID = 2 ** 31 - 1;

/** Thrown when the document itself is unusable: the feed ends FATAL. */
export class FatalFeedError extends Error {}

function schemaIssue(message: FeedMessage, text: string): ReportIssue {
  return {
    messageId: Number(message.messageId) || 0,
    sku: String(message.sku ?? ''),
    code: '100001',
    severity: 'ERROR',
    message: text,
  };
}

function checkMessage(message: FeedMessage, seenIds: Set<number>): ReportIssue | undefined {
  const id = message.messageId;
  if (!Number.isInteger(id) || (id as number) < 1 || (id as number) > MAX_MESSAGE_ID) {
    return schemaIssue(message, "The 'messageId' must be an integer between 1 and 2147483647.");
  }
  if (seenIds.has(id as number))
    return schemaIssue(message, `The 'messageId' ${String(id)} is used by more than one message.`);
  seenIds.add(id as number);
  if (typeof message.sku !== 'string' || message.sku === '')
    return schemaIssue(message, "The 'sku' is required.");
  if (!OPERATIONS.has(String(message.operationType))) {
    return schemaIssue(
      message,
      `The 'operationType' must be one of UPDATE, PARTIAL_UPDATE, PATCH, DELETE.`,
    );
  }
  if (message.operationType !== 'DELETE' && typeof message.productType !== 'string') {
    return schemaIssue(message, "The 'productType' is required for this operationType.");
  }
  if (
    message.operationType === 'UPDATE' &&
    (typeof message.attributes !== 'object' || message.attributes === null)
  ) {
    return schemaIssue(message, "The 'attributes' are required for operationType UPDATE.");
  }
  return undefined;
}

function toPatches(message: FeedMessage): unknown {
  if (message.operationType !== 'PARTIAL_UPDATE') return message.patches;
  // PARTIAL_UPDATE replaces the given top-level attributes (feed schema description).
  const attributes = (message.attributes ?? {}) as Record<string, unknown>;
  return Object.entries(attributes).map(([name, value]) => ({
    op: 'replace',
    path: `/attributes/${name}`,
    value,
  }));
}

function applyMessage(
  ctx: AmazonContext,
  sellerId: string,
  marketplaceId: string,
  message: FeedMessage,
): SubmissionResult | undefined {
  const sku = message.sku as string;
  if (message.operationType === 'DELETE') return deleteListing(ctx, sku);
  if (message.operationType === 'UPDATE') {
    const input = {
      sellerId,
      sku,
      marketplaceId,
      productType: message.productType,
      requirements: message.requirements,
      attributes: message.attributes,
    };
    return putListing(ctx, input, false);
  }
  return patchListing(
    ctx,
    { sku, productType: message.productType, patches: toPatches(message) },
    false,
  );
}

function parseDocument(
  text: string,
  sellerId: string,
): { header: Record<string, unknown>; messages: FeedMessage[] } {
  let doc: { header?: Record<string, unknown>; messages?: unknown };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch {
    throw new FatalFeedError('The feed document is not valid JSON.');
  }
  if (!doc.header || doc.header.version !== '2.0')
    throw new FatalFeedError("The feed header must have version '2.0'.");
  if (doc.header.sellerId !== sellerId)
    throw new FatalFeedError('The feed header sellerId does not match the selling partner.');
  if (
    !Array.isArray(doc.messages) ||
    doc.messages.length === 0 ||
    doc.messages.length > MAX_MESSAGES
  ) {
    throw new FatalFeedError('The feed must contain between 1 and 25000 messages.');
  }
  return { header: doc.header, messages: doc.messages as FeedMessage[] };
}

/** Applies a JSON_LISTINGS_FEED document and builds its processing report. */
export function processListingsFeed(
  ctx: AmazonContext,
  feed: { feedId: string; sellerId: string; marketplaceId: string },
  text: string,
): ProcessingReport {
  const { header, messages } = parseDocument(text, feed.sellerId);
  const issues: ReportIssue[] = [];
  const seenIds = new Set<number>();
  const skus = new Set<string>();
  let accepted = 0;

  for (const message of messages) {
    const schemaProblem = checkMessage(message, seenIds);
    const outcome = schemaProblem
      ? undefined
      : applyMessage(ctx, feed.sellerId, feed.marketplaceId, message);
    const messageIssues: ReportIssue[] = schemaProblem ? [schemaProblem] : [];
    if (!schemaProblem && outcome === undefined) {
      messageIssues.push(schemaIssue(message, `The SKU '${String(message.sku)}' does not exist.`));
    }
    for (const issue of outcome?.issues ?? []) {
      messageIssues.push({
        messageId: message.messageId as number,
        sku: message.sku as string,
        code: issue.code,
        severity: issue.severity,
        message: issue.message,
        ...(issue.attributeNames?.[0] ? { attributeName: issue.attributeNames[0] } : {}),
      });
    }
    issues.push(...messageIssues);
    if (messageIssues.some((i) => i.severity === 'ERROR')) continue;
    accepted += 1;
    skus.add(message.sku as string);
  }

  const report: ProcessingReport = {
    header: {
      sellerId: feed.sellerId,
      version: '2.0',
      feedId: feed.feedId,
      ...(header.report ? { report: header.report } : {}),
    },
    issues,
    summary: {
      errors: issues.filter((i) => i.severity === 'ERROR').length,
      warnings: issues.filter((i) => i.severity === 'WARNING').length,
      messagesProcessed: messages.length,
      messagesAccepted: accepted,
      messagesInvalid: messages.length - accepted,
    },
  };
  const included = (header.report as { includedData?: string[] } | undefined)?.includedData;
  if (included) {
    const items = [...skus].map((sku) => findListing(ctx, sku)).filter((r) => r !== undefined);
    report.items = items.map((r) => presentListing(r, included));
    report.summary.itemSummary = { items: items.length, errors: 0, warnings: 0 };
  }
  return report;
}
