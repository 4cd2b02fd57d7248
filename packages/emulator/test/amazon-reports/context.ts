/** Test helpers: an AmazonContext over a real SQLite store, a fake clock and captured events. */
import { gunzipSync } from 'node:zlib';

import { createAmazonStore } from '../../src/amazon/store';
import type {
  AmazonContext,
  AmazonRequest,
  AmazonRoute,
  RouteModule,
  StoredDocument,
} from '../../src/amazon/server/types';
import { createWorld } from '../../src/world/create';
import type { World, WorldOptions } from '../../src/world/types';

/** A context plus handles to drive it. */
export interface TestContext {
  ctx: AmazonContext;
  events: Array<{ type: string; payload: unknown }>;
  advance(ms: number): void;
  route(operation: string): AmazonRoute;
  close(): void;
}

/** Builds a context over a fresh world (or the given one) at the world's start time. */
export function createTestContext(
  module: RouteModule,
  options: { world?: World; worldOptions?: WorldOptions; timeScale?: number } = {},
): TestContext {
  const world = options.world ?? createWorld(options.worldOptions ?? { orders: 300 });
  const store = createAmazonStore();
  let nowMs = Date.parse(world.now) + 3_600_000;
  const events: TestContext['events'] = [];

  const ctx: AmazonContext = {
    world,
    store,
    clock: () => new Date(nowMs),
    timeScale: options.timeScale ?? 1,
    baseUrl: 'http://127.0.0.1:1',
    publish: (event) => events.push(event),
    presign: (path, ttlMs) =>
      `http://127.0.0.1:1${path}${path.includes('?') ? '&' : '?'}ttl=${ttlMs}`,
  };
  const routes = module(ctx);

  return {
    ctx,
    events,
    advance: (ms) => {
      nowMs += ms;
    },
    route: (operation) => {
      const found = routes.find((route) => route.operation === operation);
      if (!found) throw new Error(`No route for ${operation}`);
      return found;
    },
    close: () => store.close(),
  };
}

/** A request as the server would hand it to a route. */
export function request(parts: Partial<AmazonRequest> = {}): AmazonRequest {
  return {
    params: {},
    query: new URLSearchParams(),
    body: undefined,
    rawBody: Buffer.alloc(0),
    headers: {},
    sellerId: 'A2SELLERBRIDGE1',
    ...parts,
  };
}

/** Decodes a stored document's bytes the way a client would (gunzip when compressed). */
export function documentBytes(
  ctx: AmazonContext,
  documentId: string,
): { bytes: Buffer; doc: StoredDocument } {
  const doc = ctx.store.get<StoredDocument>('document', documentId);
  if (!doc) throw new Error(`No document ${documentId}`);
  const raw = Buffer.from(doc.body, 'base64');
  return { bytes: doc.compressed ? gunzipSync(raw) : raw, doc };
}

/** Parses a tab-separated flat file into header and rows. */
export function parseTsv(text: string): { header: string[]; rows: string[][] } {
  const lines = text.split('\n').filter((line) => line !== '');
  const [head = '', ...rest] = lines;
  return { header: head.split('\t'), rows: rest.map((line) => line.split('\t')) };
}

/** A report as `getReport`/`getReports` return it. */
export interface WireReport {
  reportId: string;
  reportType: string;
  processingStatus: string;
  reportDocumentId?: string;
  marketplaceIds: string[];
}

/** Fetches a document the way a client would and decodes it in its charset. */
export async function download(
  tc: TestContext,
  reportDocumentId: string,
): Promise<{ text: string; charset?: string }> {
  await tc.route('getReportDocument').handle(request({ params: { reportDocumentId } }));
  const { bytes, doc } = documentBytes(tc.ctx, reportDocumentId);
  const text = new TextDecoder(doc.charset === 'Cp1252' ? 'windows-1252' : 'utf-8').decode(bytes);
  return { text, ...(doc.charset ? { charset: doc.charset } : {}) };
}

/** Creates a report, lets it finish and returns the document text; throws unless it is DONE. */
export async function runReport(tc: TestContext, body: Record<string, unknown>): Promise<string> {
  const created = await tc.route('createReport').handle(request({ body }));
  const { reportId } = created.body as { reportId: string };
  tc.advance(60_000);
  const report = (await tc.route('getReport').handle(request({ params: { reportId } })))
    .body as WireReport;
  if (report.processingStatus !== 'DONE') {
    throw new Error(`Report ${String(body.reportType)} ended ${report.processingStatus}`);
  }
  return (await download(tc, report.reportDocumentId ?? '')).text;
}
