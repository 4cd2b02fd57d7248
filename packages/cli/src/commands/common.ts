/** What every command shares: global options, the logger, config and runtime loading. */
import { InvalidArgumentError } from 'commander';
import type { Logger } from '@sellerbridge/http-core';
import { loadConfig } from '../config/load';
import type { EnvironmentName } from '../config/schema';
import { SecretsSource } from '../config/secrets';
import { createCliLogger } from '../output/logger';
import { createRuntime, type Runtime } from '../runtime/integration';

/** Options every command accepts. */
export interface GlobalOptions {
  json?: boolean;
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  config?: string;
  secrets?: string;
  env?: EnvironmentName;
}

/** The logger for the global options. */
export function loggerFor(
  globals: GlobalOptions,
  fallbackLevel: GlobalOptions['logLevel'] = 'info',
): Logger {
  return createCliLogger({ json: globals.json, level: globals.logLevel ?? fallbackLevel });
}

/** Loads the config and builds the runtime of the chosen environment (sandbox by default). */
export async function openRuntime(globals: GlobalOptions): Promise<Runtime> {
  const config = await loadConfig(globals.config);
  const environment = globals.env ?? 'sandbox';

  return createRuntime({
    config,
    environment,
    secrets: new SecretsSource(process.env, globals.secrets),
    logger: loggerFor(globals),
  });
}

/** Runs a command body with a runtime that is always closed afterwards. */
export async function withRuntime<T>(
  globals: GlobalOptions,
  body: (runtime: Runtime) => Promise<T>,
): Promise<T> {
  const runtime = await openRuntime(globals);
  try {
    return await body(runtime);
  } finally {
    await runtime.close();
  }
}

/** commander parser for a positive integer. */
export function parsePositiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw new InvalidArgumentError('must be a positive whole number');

  return parsed;
}

/** commander parser for a whole number within bounds. */
export function parseIntBetween(min: number, max: number): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max)
      throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`);

    return parsed;
  };
}

/** commander parser for a number within bounds (`minExclusive`: the lower bound is excluded). */
export function parseNumberBetween(
  min: number,
  max: number,
  minExclusive = false,
): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    const tooLow = minExclusive ? parsed <= min : parsed < min;
    if (!Number.isFinite(parsed) || tooLow || parsed > max)
      throw new InvalidArgumentError(
        `must be a number ${minExclusive ? 'above' : 'from'} ${min} ${minExclusive ? 'and at most' : 'to'} ${max}`,
      );

    return parsed;
  };
}

/** commander parser for a non-negative number. */
export function parseNonNegative(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0)
    throw new InvalidArgumentError('must be a number ≥ 0');

  return parsed;
}

/** commander parser for an ISO-8601 instant, normalised to UTC. */
export function parseInstant(value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}/.test(value))
    throw new InvalidArgumentError('must be an ISO-8601 date or instant');

  return new Date(time).toISOString();
}
