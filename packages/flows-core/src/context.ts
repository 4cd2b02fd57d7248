/**
 * What a flow sees while it runs: the clients for reads, its typed settings, the links helper and
 * the write gate. Every write goes through `ctx.write`, so a dry run records the intended write
 * instead of sending it.
 */
import type { Logger } from '@sellerbridge/http-core';
import type { Clock } from './clock';
import type { LinkRecord } from './store/types';

/** A write a flow is about to make; shown in dry-run reports, so never put personal data in it. */
export interface WriteIntent {
  target: 'netsuite' | 'amazon';
  /** `create`, `update`, `transform`, `confirmShipment`, `patchListingsItem`, … */
  action: string;
  recordType: string;
  externalId?: string;
  /** A short description without buyer personal data, e.g. `sales order for 113-…-…`. */
  summary?: string;
}

/** What the write gate did: sent (with the result) or only recorded. */
export type WriteResult<T> = { sent: true; value: T } | { sent: false; intent: WriteIntent };

/** Options of `ctx.links.createOnce`. */
export interface CreateOnceOptions {
  /** The source record's key, e.g. `amazon-order:113-1234567-1234567`. */
  sourceKey: string;
  /** The NetSuite record type, e.g. `salesOrder`. */
  recordType: string;
  /** The deterministic external id (build it with `externalId(...)`). */
  externalId: string;
  /** Creates the record with that external id and resolves to its NetSuite id. */
  create: (externalId: string) => Promise<string>;
  /** Dry-run summary of the write, without personal data. */
  summary?: string;
}

/** How `createOnce` obtained the NetSuite id. */
export interface CreateOnceResult {
  netsuiteId: string;
  externalId: string;
  /**
   * `created`: the POST succeeded; `linked-existing`: the external id was in use (a crash after
   * a create, or a record made elsewhere) and the existing record was linked; `already-linked`:
   * the link existed, nothing sent; `dry-run`: the create was recorded, not sent.
   */
  outcome: 'created' | 'linked-existing' | 'already-linked' | 'dry-run';
}

/** Links between source records and NetSuite records, scoped to the integration. */
export interface Links {
  get: (recordType: string, sourceKey: string) => Promise<LinkRecord | undefined>;
  /** Check the link, create with the external id, on a duplicate link the existing record. */
  createOnce: (options: CreateOnceOptions) => Promise<CreateOnceResult>;
}

/** The context of a flow's source and handler. */
export interface FlowContext<TSettings = unknown, TAmazon = unknown, TNetSuite = unknown> {
  readonly integrationId: string;
  readonly flowId: string;
  readonly runId: string;
  readonly dryRun: boolean;
  /** The Amazon client, for reads; writes go through `write`. */
  readonly amazon: TAmazon;
  /** The NetSuite client, for reads; writes go through `write` or `links.createOnce`. */
  readonly netsuite: TNetSuite;
  /** The plugin's settings, parsed by its schema at start-up. */
  readonly settings: TSettings;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Aborted on a forced stop; pass it to client calls. A graceful stop waits for the record. */
  readonly signal: AbortSignal;
  readonly links: Links;
  /** The write gate: sends `perform()` or, in a dry run, records the intent. */
  readonly write: <T>(intent: WriteIntent, perform: () => Promise<T>) => Promise<WriteResult<T>>;
}
