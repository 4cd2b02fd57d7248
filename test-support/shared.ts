/**
 * Locates the read-only vendor data (`shared/`: Amazon models, samples, NetSuite samples) that
 * tests read. `SELLERBRIDGE_SHARED` wins; otherwise `../shared` beside the repository root.
 * A missing folder fails loudly instead of silently skipping the tests that need it.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Absolute path of the shared vendor data folder; throws with a hint when it is missing. */
export function sharedDir(): string {
  const dir = process.env.SELLERBRIDGE_SHARED ?? join(repositoryRoot, '..', 'shared');
  if (!existsSync(join(dir, 'amazon')) || !existsSync(join(dir, 'netsuite'))) {
    throw new Error(
      `Shared vendor data not found at ${dir}. Set SELLERBRIDGE_SHARED to the folder holding ` +
        '`amazon/` and `netsuite/`, or place it as `../shared` beside the repository root.',
    );
  }
  return dir;
}

/** Path of a file or folder inside the shared vendor data folder. */
export function sharedPath(...segments: string[]): string {
  return join(sharedDir(), ...segments);
}

/** URL of a scale-out service for tests; with CI=true a missing service must fail, not skip. */
export function serviceUrl(name: 'postgres' | 'redis'): string {
  if (name === 'postgres')
    return process.env.SELLERBRIDGE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  return process.env.SELLERBRIDGE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** True when a missing service should fail the run (CI) instead of skipping its tests. */
export const isCi = process.env.CI === 'true';
