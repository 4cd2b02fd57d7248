/**
 * The error-record part of the integration: list, show (masked), retry, resolve and purge, all
 * in the integration's namespace.
 */
import { isoNow } from './clock';
import { restoreInput, showErrorRecord } from './error-records';
import { ErrorRecordError } from './errors';
import type { Engine, FlowEntry, RunOptions, RunSummary } from './runner/engine';
import { retryFlowErrors } from './runner/retry-errors';
import type { ErrorFilter, ErrorRecord } from './store/types';

/** Error records of the integration. */
export interface ErrorsApi {
  /** Records newest first; personal data shows as `[PII]`. */
  list: (filter?: ErrorFilter) => Promise<ErrorRecord[]>;
  /**
   * One record with its personal data masked (`J***`), or decrypted with `reveal` (for an
   * operator fixing the record; never log the result).
   * @throws {ErrorRecordError} NOT_FOUND, PII_UNREADABLE, INPUT_UNAVAILABLE
   */
  show: (id: string, options?: { reveal?: boolean }) => Promise<ErrorRecord>;
  /** Retries one record. @throws {ErrorRecordError} NOT_FOUND */
  retry: (id: string, options?: RunOptions) => Promise<RunSummary>;
  /** Marks a record resolved by hand. @throws {ErrorRecordError} NOT_FOUND */
  resolve: (id: string, note?: string) => Promise<void>;
  /** Purges personal data that is due now; returns how many records were purged. */
  purge: () => Promise<number>;
}

/** Binds the error-record API to an engine; `entryOf` finds a flow or throws. */
export function createErrorsApi(engine: Engine, entryOf: (flowId: string) => FlowEntry): ErrorsApi {
  const ns = engine.integrationId;
  const recordOf = async (id: string): Promise<ErrorRecord> => {
    const record = await engine.store.getError(ns, id);
    if (!record)
      throw new ErrorRecordError('NOT_FOUND', `No error record '${id}' in integration '${ns}'`);

    return record;
  };

  return {
    list: async (filter) => {
      const records = await engine.store.listErrors(ns, filter);

      return records.map((record) => ({
        ...record,
        sealedPii: record.sealedPii ? '[sealed]' : null,
      }));
    },
    show: async (id, options = {}) => {
      const record = await recordOf(id);
      if (!options.reveal) return showErrorRecord(engine.vault, ns, record);

      return { ...record, input: restoreInput(engine.vault, ns, record), sealedPii: null };
    },
    retry: async (id, options = {}) => {
      const record = await recordOf(id);

      return retryFlowErrors(engine, entryOf(record.flowId), { ...options, ids: [id] });
    },
    resolve: async (id, note) => {
      const { flowId, traceKey } = await recordOf(id);
      const resolution = note ?? 'resolved by hand';
      await engine.store.resolveErrors(ns, flowId, [traceKey], resolution, isoNow(engine.clock));
    },
    purge: () => engine.store.purgePii(ns, isoNow(engine.clock)),
  };
}
