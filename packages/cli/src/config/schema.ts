/**
 * The shape of `sellerbridge.config.(ts|json)`: one integration with a `sandbox` and an optional
 * `production` environment (DESIGN §6). Secrets never live here — see `secrets.ts`.
 */
import type { StarterOptions } from '@sellerbridge/flows-starter';
import { z } from 'zod';

const amazonSchema = z
  .object({
    region: z.enum(['na', 'eu', 'fe']),
    sellingPartnerId: z.string().min(1),
    marketplaceIds: z.array(z.string().min(1)).min(1),
    applicationId: z.string().min(1).optional(),
    /** Send shipment confirmations and listing updates; false records them instead. */
    sendWrites: z.boolean().optional(),
    baseUrl: z.url().optional(),
    lwaUrl: z.url().optional(),
  })
  .strict();

const netsuiteSchema = z
  .object({
    accountId: z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only'),
    auth: z.enum(['oauth2', 'tba']).default('oauth2'),
    /** Signing algorithm of the OAuth 2.0 certificate's key. @default 'PS256' */
    oauth2Algorithm: z.enum(['PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512']).optional(),
    maxConcurrency: z.number().int().min(1).max(50).optional(),
    baseUrl: z.url().optional(),
  })
  .strict();

const environmentSchema = z.object({ amazon: amazonSchema, netsuite: netsuiteSchema }).strict();

/** The validated configuration. */
export const configSchema = z
  .object({
    /** Base of the integration id; the environment name is appended (`acme-us-sandbox`). */
    integrationId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and - only'),
    /** Folder of the state database. @default '.sellerbridge' */
    stateDir: z.string().min(1).default('.sellerbridge'),
    environments: z
      .object({ sandbox: environmentSchema, production: environmentSchema.optional() })
      .strict(),
    /**
     * Starter edition settings (see @sellerbridge/flows-starter), checked in `load.ts` against
     * the plugin's own schema, unknown keys included.
     */
    starter: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

/** The configuration as written by the user. */
export type SellerBridgeConfigInput = z.input<typeof configSchema> & { starter?: StarterOptions };

/** The configuration after validation. */
export type SellerBridgeConfig = z.output<typeof configSchema>;

/** One environment of the configuration. */
export type EnvironmentConfig = z.output<typeof environmentSchema>;

/** Environment names. */
export type EnvironmentName = 'sandbox' | 'production';

/** Typed helper for `sellerbridge.config.ts`. */
export function defineConfig(config: SellerBridgeConfigInput): SellerBridgeConfigInput {
  return config;
}
