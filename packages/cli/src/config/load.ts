/**
 * Finds, loads and validates the configuration file. Errors name the file, the key and why, so
 * a typo reads as one line with a hint rather than a stack trace.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseStarterSettings, starterSettingsSchema } from '@sellerbridge/flows-starter';
import { ZodError } from 'zod';
import { ConfigError } from './errors';
import { configSchema, type SellerBridgeConfig } from './schema';
import { findUnknownKeys } from './unknown-keys';

/** File names looked for, in order. */
export const CONFIG_FILES = ['sellerbridge.config.ts', 'sellerbridge.config.json'] as const;

// Config keys that would hold a credential; the file must never carry one.
const SECRET_KEY = /secret|password|token|private[-_]?key|certificate[-_]?key|consumer[-_]?key/i;

/** Loads and validates the configuration from `path`, or the first config file in `cwd`. */
export async function loadConfig(
  path: string | undefined,
  cwd = process.cwd(),
): Promise<SellerBridgeConfig> {
  const file = path
    ? resolve(cwd, path)
    : CONFIG_FILES.map((name) => resolve(cwd, name)).find(existsSync);
  if (!file || !existsSync(file)) {
    throw new ConfigError(
      `No configuration file found${path ? ` at ${path}` : ` in ${cwd}`}`,
      missingConfigHint(path, cwd),
    );
  }

  const raw = await readConfigFile(file);
  rejectSecrets(raw, file);
  return validate(raw, file);
}

// A new user who just ran the demo likely wants its state: say how to read it.
function missingConfigHint(path: string | undefined, cwd: string): string {
  const hint = 'Run `sellerbridge init` to write a commented template, or pass --config <file>.';
  if (path || !existsSync(resolve(cwd, '.sellerbridge', 'demo.json'))) return hint;

  return `${hint} For the demo's state, add --dir .sellerbridge (errors, status).`;
}

async function readConfigFile(file: string): Promise<unknown> {
  try {
    if (file.endsWith('.json')) return JSON.parse(readFileSync(file, 'utf8')) as unknown;

    const { tsImport } = await import('tsx/esm/api');
    const module = (await tsImport(pathToFileURL(file).href, import.meta.url)) as {
      default?: unknown;
    };
    return unwrapDefault(module.default);
  } catch (error) {
    throw new ConfigError(
      `Cannot read ${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      'Check the file is valid JSON (or TypeScript with a default export).',
    );
  }
}

// tsx may hand back an ES module's default export wrapped once more as `{ default: … }`.
function unwrapDefault(value: unknown): unknown {
  const nested = value as { default?: unknown; integrationId?: unknown } | undefined;
  if (nested && typeof nested === 'object' && 'default' in nested && !('integrationId' in nested)) {
    return nested.default;
  }
  return value;
}

function rejectSecrets(value: unknown, file: string, path: string[] = []): void {
  if (typeof value !== 'object' || value === null) return;

  for (const [key, child] of Object.entries(value)) {
    const keyPath = [...path, key];
    if (SECRET_KEY.test(key) && typeof child === 'string') {
      throw new ConfigError(
        `${file}: ${keyPath.join('.')} looks like a secret; secrets are never read from the config file`,
        'Put credentials in environment variables or a secrets file (see `sellerbridge init`).',
      );
    }
    rejectSecrets(child, file, keyPath);
  }
}

function validate(raw: unknown, file: string): SellerBridgeConfig {
  const config = parseOrThrow(() => configSchema.parse(raw), file, []);
  rejectUnknownStarterKeys(config.starter, file);
  parseOrThrow(() => parseStarterSettings(config.starter), file, ['starter']);

  return config;
}

function parseOrThrow<T>(parse: () => T, file: string, prefix: string[]): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;

    const issue = error.issues[0]!;
    const path = [...prefix, ...issue.path.map(String)];
    // An unknown key reads like one in the Starter section: its full path.
    const problem =
      issue.code === 'unrecognized_keys'
        ? `${[...path, issue.keys[0]!].join('.')}: unknown key`
        : `${path.join('.') || '(root)'}: ${issue.message}`;
    throw new ConfigError(`${file}: ${problem}`, FIX_HINT);
  }
}

const FIX_HINT =
  'Fix that key; `sellerbridge init --force` writes a commented template to compare with.';

// The Starter plugin's schema strips unknown keys; a typo there must not be dropped silently.
function rejectUnknownStarterKeys(starter: unknown, file: string): void {
  const [unknown] = findUnknownKeys(starterSettingsSchema, starter, ['starter']);
  if (!unknown) return;

  const suggestion = unknown.suggestion ? ` (did you mean ${unknown.suggestion}?)` : '';
  throw new ConfigError(
    `${file}: ${unknown.path.join('.')}: unknown key${suggestion}`,
    'Fix that key; the Starter settings are listed in the @sellerbridge/flows-starter README.',
  );
}
