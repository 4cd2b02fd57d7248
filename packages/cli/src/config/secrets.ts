/**
 * Credentials come from environment variables or a secrets file, never from the config file.
 * A variable may be environment-specific (`SELLERBRIDGE_SANDBOX_LWA_CLIENT_ID`) or shared
 * (`SELLERBRIDGE_LWA_CLIENT_ID`); a secrets file (`--secrets` or `SELLERBRIDGE_SECRETS_FILE`) is
 * JSON `{ "sandbox": { "LWA_CLIENT_ID": "…" }, "production": { … } }`.
 */
import { readFileSync } from 'node:fs';
import { ConfigError } from './errors';
import type { EnvironmentName } from './schema';

/** Amazon LWA credentials. */
export interface AmazonSecrets {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** NetSuite credentials for the configured auth method. */
export type NetSuiteSecrets =
  | { type: 'oauth2'; clientId: string; certificateId: string; privateKey: string }
  | {
      type: 'tba';
      consumerKey: string;
      consumerSecret: string;
      tokenId: string;
      tokenSecret: string;
    };

/** Every secret name, with what it is for (used by `init` and in error hints). */
export const SECRET_NAMES = {
  amazon: ['LWA_CLIENT_ID', 'LWA_CLIENT_SECRET', 'LWA_REFRESH_TOKEN'],
  oauth2: ['NS_CLIENT_ID', 'NS_CERTIFICATE_ID', 'NS_PRIVATE_KEY (or NS_PRIVATE_KEY_FILE)'],
  tba: ['NS_CONSUMER_KEY', 'NS_CONSUMER_SECRET', 'NS_TOKEN_ID', 'NS_TOKEN_SECRET'],
} as const;

/** Reads secrets for one environment. */
export class SecretsSource {
  readonly #env: NodeJS.ProcessEnv;
  readonly #file: Record<string, Record<string, string>>;

  constructor(env: NodeJS.ProcessEnv = process.env, secretsFile?: string) {
    this.#env = env;
    this.#file = readSecretsFile(secretsFile ?? env.SELLERBRIDGE_SECRETS_FILE);
  }

  /** The LWA credentials of an environment. @throws ConfigError naming the missing variable */
  amazon(environment: EnvironmentName): AmazonSecrets {
    return {
      clientId: this.#require(environment, 'LWA_CLIENT_ID'),
      clientSecret: this.#require(environment, 'LWA_CLIENT_SECRET'),
      refreshToken: this.#require(environment, 'LWA_REFRESH_TOKEN'),
    };
  }

  /** The NetSuite credentials of an environment. @throws ConfigError naming the missing variable */
  netsuite(environment: EnvironmentName, auth: 'oauth2' | 'tba'): NetSuiteSecrets {
    if (auth === 'tba') {
      return {
        type: 'tba',
        consumerKey: this.#require(environment, 'NS_CONSUMER_KEY'),
        consumerSecret: this.#require(environment, 'NS_CONSUMER_SECRET'),
        tokenId: this.#require(environment, 'NS_TOKEN_ID'),
        tokenSecret: this.#require(environment, 'NS_TOKEN_SECRET'),
      };
    }

    return {
      type: 'oauth2',
      clientId: this.#require(environment, 'NS_CLIENT_ID'),
      certificateId: this.#require(environment, 'NS_CERTIFICATE_ID'),
      privateKey: this.#privateKey(environment),
    };
  }

  #privateKey(environment: EnvironmentName): string {
    const inline = this.#lookup(environment, 'NS_PRIVATE_KEY');
    if (inline) return inline;

    const file = this.#require(environment, 'NS_PRIVATE_KEY_FILE');
    try {
      return readFileSync(file, 'utf8');
    } catch {
      throw new ConfigError(
        `Cannot read the NetSuite private key file named by NS_PRIVATE_KEY_FILE`,
        'Check the path and its permissions.',
      );
    }
  }

  #lookup(environment: EnvironmentName, name: string): string | undefined {
    const scoped = `SELLERBRIDGE_${environment.toUpperCase()}_${name}`;

    return (
      this.#env[scoped] ?? this.#env[`SELLERBRIDGE_${name}`] ?? this.#file[environment]?.[name]
    );
  }

  #require(environment: EnvironmentName, name: string): string {
    const value = this.#lookup(environment, name);
    if (value) return value;

    throw new ConfigError(
      `Missing secret ${name} for the ${environment} environment`,
      `Set SELLERBRIDGE_${environment.toUpperCase()}_${name} (or SELLERBRIDGE_${name}), or add it to a secrets file given with --secrets.`,
    );
  }
}

function readSecretsFile(file: string | undefined): Record<string, Record<string, string>> {
  if (!file) return {};

  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
  } catch {
    throw new ConfigError(
      `Cannot read the secrets file ${file}`,
      'It must be JSON: { "sandbox": { "LWA_CLIENT_ID": "…" } }.',
    );
  }
}
