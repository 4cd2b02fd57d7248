/**
 * The context the Starter flows run in: flows-core's `FlowContext` with the Starter settings and
 * the two vendor clients.
 */
import type { FlowContext } from '@sellerbridge/flows-core';
import type { NetSuiteClient } from '@sellerbridge/netsuite-client';
import type { SpApiClient } from '@sellerbridge/sp-api-client';

import type { StarterSettings } from '../settings/index';

/** Context of every Starter flow. */
export type StarterContext = FlowContext<StarterSettings, SpApiClient, NetSuiteClient>;

/** Error for a setup problem that no retry fixes. */
export class StarterConfigurationError extends Error {
  readonly retryable = false;

  constructor(
    message: string,
    readonly setting: string,
  ) {
    super(`${message} (setting ${setting})`);
    this.name = 'StarterConfigurationError';
  }
}

/**
 * The selling partner id of external ids: the setting, else the client's `sellingPartnerId`.
 * @throws StarterConfigurationError when neither is known.
 */
export function sellerIdOf(ctx: StarterContext): string {
  const fromClient = (ctx.amazon as unknown as { sellingPartnerId?: unknown }).sellingPartnerId;
  const sellerId =
    ctx.settings.sellerId ?? (typeof fromClient === 'string' ? fromClient : undefined);

  if (!sellerId) {
    throw new StarterConfigurationError('the Amazon seller id is unknown', 'sellerId');
  }

  return sellerId;
}

/** Now as an ISO instant from the flow clock. */
export function nowIso(ctx: StarterContext): string {
  return new Date(ctx.clock.now()).toISOString();
}
