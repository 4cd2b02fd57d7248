/**
 * The exactly-once create every flow uses (DESIGN §5): check the link, create with the
 * deterministic external id, and when the external id is already in use link the existing
 * record. The NetSuite client looks the record up by `eid:` itself and reports it as a
 * `ConflictError` carrying `existingId`; we only link it.
 *
 * New links are buffered in the run and committed with their page (one transaction with the
 * checkpoint), not one transaction per record. A crash loses at most the links of the page in
 * hand; re-running that page finds those records by external id (the conflict path above), so
 * nothing is created twice.
 */
import type { CreateOnceOptions, CreateOnceResult, FlowContext, Links } from './context';
import { isExternalId } from './external-id';
import { ValueFormatError } from './errors';
import type { LinkRecord, StateStore } from './store/types';

/** What the links helper needs from the run. */
export interface LinksEnvironment {
  store: StateStore;
  integrationId: string;
  now: () => string;
  write: FlowContext['write'];
  /** Links created in this run and not yet committed, by `linkKey`. */
  pending: Map<string, LinkRecord>;
}

/** The buffer key of a link. */
export function linkKey(recordType: string, sourceKey: string): string {
  return `${recordType}\u0000${sourceKey}`;
}

/** The links helper of one run. */
export function createLinks(env: LinksEnvironment): Links {
  return {
    get: (recordType, sourceKey) => findLink(env, recordType, sourceKey),
    createOnce: (options) => createOnce(env, options),
  };
}

async function findLink(
  env: LinksEnvironment,
  recordType: string,
  sourceKey: string,
): Promise<LinkRecord | undefined> {
  return (
    env.pending.get(linkKey(recordType, sourceKey)) ??
    env.store.getLink(env.integrationId, recordType, sourceKey)
  );
}

async function createOnce(
  env: LinksEnvironment,
  options: CreateOnceOptions,
): Promise<CreateOnceResult> {
  const { recordType, sourceKey, externalId } = options;
  if (!isExternalId(externalId)) {
    throw new ValueFormatError('externalId', `'${externalId}' is not a valid external id`);
  }

  const existing = await findLink(env, recordType, sourceKey);
  if (existing) return { netsuiteId: existing.netsuiteId, externalId, outcome: 'already-linked' };

  const intent = {
    target: 'netsuite' as const,
    action: 'create',
    recordType,
    externalId,
    summary: options.summary,
  };
  const created = await env.write(intent, () => createOrFindExisting(options));
  if (!created.sent) return { netsuiteId: `dry-run:${externalId}`, externalId, outcome: 'dry-run' };

  const { netsuiteId, outcome } = created.value;
  const link = { sourceKey, recordType, netsuiteId, externalId, createdAt: env.now() };
  env.pending.set(linkKey(recordType, sourceKey), link);

  return { netsuiteId, externalId, outcome };
}

async function createOrFindExisting(
  options: CreateOnceOptions,
): Promise<{ netsuiteId: string; outcome: 'created' | 'linked-existing' }> {
  try {
    return { netsuiteId: await options.create(options.externalId), outcome: 'created' };
  } catch (error) {
    const existingId = conflictExistingId(error);
    if (existingId === undefined) throw error;

    return { netsuiteId: existingId, outcome: 'linked-existing' };
  }
}

/**
 * The existing record's id of an http-core `ConflictError` (`code: 'CONFLICT'` with
 * `existingId`); checked structurally so two copies of http-core in one install still agree.
 */
export function conflictExistingId(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;

  const { code, existingId } = error as { code?: unknown; existingId?: unknown };

  return code === 'CONFLICT' && typeof existingId === 'string' && existingId !== ''
    ? existingId
    : undefined;
}
