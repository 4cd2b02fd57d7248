/**
 * The exactly-once create every flow uses (DESIGN §5): check the link, create with the
 * deterministic external id, and when the external id is already in use link the existing
 * record. The NetSuite client looks the record up by `eid:` itself and reports it as a
 * `ConflictError` carrying `existingId`; we only link it.
 */
import type { CreateOnceOptions, CreateOnceResult, FlowContext, Links } from './context';
import { isExternalId } from './external-id';
import { ValueFormatError } from './errors';
import type { StateStore } from './store/types';

/** What the links helper needs from the run. */
export interface LinksEnvironment {
  store: StateStore;
  integrationId: string;
  dryRun: boolean;
  now: () => string;
  write: FlowContext['write'];
}

/** The links helper of one run. */
export function createLinks(env: LinksEnvironment): Links {
  const { store, integrationId: ns } = env;

  return {
    get: (recordType, sourceKey) => store.getLink(ns, recordType, sourceKey),
    createOnce: (options) => createOnce(env, options),
  };
}

async function createOnce(
  env: LinksEnvironment,
  options: CreateOnceOptions,
): Promise<CreateOnceResult> {
  const { recordType, sourceKey, externalId } = options;
  if (!isExternalId(externalId)) {
    throw new ValueFormatError('externalId', `'${externalId}' is not a valid external id`);
  }

  const existing = await env.store.getLink(env.integrationId, recordType, sourceKey);
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
  await env.store.putLink(env.integrationId, {
    sourceKey,
    recordType,
    netsuiteId,
    externalId,
    createdAt: env.now(),
  });

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
