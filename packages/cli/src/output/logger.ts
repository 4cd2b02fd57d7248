/**
 * The CLI's logger: pino, writing JSON lines with `--json`, or one readable line per entry on a
 * terminal. Every context object passes through the redactor first, so no secret or buyer
 * personal data reaches the output even if a caller logs one by mistake.
 */
import { Writable } from 'node:stream';
import { redactValue, type Logger } from '@sellerbridge/http-core';
import pino from 'pino';

/** Options of {@link createCliLogger}. */
export interface CliLoggerOptions {
  /** JSON lines instead of readable lines. @default false */
  json?: boolean;
  /** Lowest level written. @default 'info' */
  level?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Where lines go. @default process.stderr */
  stream?: NodeJS.WritableStream;
}

/** A pino logger shaped for the terminal or for log shippers. */
export function createCliLogger(options: CliLoggerOptions = {}): Logger {
  const target = options.stream ?? process.stderr;
  const destination = options.json ? target : readableLines(target);

  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: redactContext },
    },
    destination as pino.DestinationStream,
  );
}

/**
 * Redacts a log context. A serialized error (`error`) is already secret-free (http-core builds
 * it so); only its details are redacted again, so its class name is not mistaken for a person's.
 */
function redactContext(context: Record<string, unknown>): Record<string, unknown> {
  const { error, ...rest } = context;
  const redacted = redactValue(rest);
  if (error === undefined) return redacted;
  if (typeof error !== 'object' || error === null) return { ...redacted, error };

  const { details, ...errorFields } = error as Record<string, unknown>;
  return {
    ...redacted,
    error: { ...errorFields, ...(details === undefined ? {} : { details: redactValue(details) }) },
  };
}

const LEVEL_NAMES: Record<number, string> = { 20: 'debug', 30: 'info', 40: 'warn', 50: 'error' };

/** Turns pino's JSON lines into `HH:MM:SS level message key=value …`. */
function readableLines(target: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) target.write(`${formatLine(line)}\n`);
      }
      done();
    },
  });
}

function formatLine(line: string): string {
  const entry = JSON.parse(line) as Record<string, unknown>;
  const { level, time, msg, ...context } = entry;
  const clock = typeof time === 'string' ? time.slice(11, 19) : '';
  const levelName = (LEVEL_NAMES[Number(level)] ?? String(level)).padEnd(5);
  const pairs = Object.entries(context).map(([key, value]) => `${key}=${formatValue(value)}`);

  return [clock, levelName, msg ?? '', ...pairs].filter(Boolean).join(' ');
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return /\s/.test(value) ? JSON.stringify(value) : value;

  return JSON.stringify(value);
}
