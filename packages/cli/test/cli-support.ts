/**
 * Runs the real `sellerbridge` entry point in a child process (through tsx, so the workspace
 * sources are used) against emulators started by the test on loopback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '@sellerbridge/http-core';
import { startDemoEnvironment, type DemoEnvironment } from '../src/index';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** What a CLI run printed and how it ended. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A running `sellerbridge` child: its output so far, and how it ended. */
export interface CliProcess {
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): CliResult;
  result: Promise<CliResult>;
}

/** Starts `sellerbridge <args>` with the given environment variables. */
// The child runs from the repository root so `--import tsx` and the workspace paths resolve;
// config files and state folders are given as absolute paths.
export function spawnSellerbridge(
  args: string[],
  options: { env: NodeJS.ProcessEnv; timeoutMs?: number },
): CliProcess {
  const bin = join(repositoryRoot, 'packages', 'cli', 'src', 'bin.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', bin, ...args], {
    cwd: repositoryRoot,
    env: {
      PATH: process.env.PATH,
      TSX_TSCONFIG_PATH: join(repositoryRoot, 'tsconfig.json'),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);

  const result = new Promise<CliResult>((resolvePromise) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });

  return { child, output: () => ({ code: child.exitCode, stdout, stderr }), result };
}

/** Runs `sellerbridge <args>` to its end. */
export function runSellerbridge(
  args: string[],
  options: { env: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<CliResult> {
  return spawnSellerbridge(args, options).result;
}

/** Resolves once the child's output matches, rejects when it ends or the time is up first. */
export async function waitForOutput(
  cli: CliProcess,
  pattern: RegExp,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;

  while (Date.now() < deadline) {
    const { stdout, stderr } = cli.output();
    if (pattern.test(stdout + stderr)) return;
    if (cli.child.exitCode !== null || cli.child.signalCode !== null)
      throw new Error(`sellerbridge ended before ${String(pattern)}:\n${stdout}${stderr}`);

    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
  throw new Error(`no ${String(pattern)} within ${timeoutMs} ms`);
}

/** A started environment with a config file and secrets for the CLI. */
export interface CliEnvironment {
  env: DemoEnvironment;
  cwd: string;
  secrets: Record<string, string>;
  writeConfig(overrides?: {
    amazon?: Record<string, unknown>;
    netsuite?: Record<string, unknown>;
    stateDir?: string;
    starter?: Record<string, unknown>;
  }): string;
  close(): Promise<void>;
}

/**
 * Starts emulators and writes a sandbox config that points at them. `timeScale` 1 keeps the
 * emulators' real latencies and rates (a run that lasts long enough to be interrupted).
 */
export async function startCliEnvironment(orders = 60, timeScale = 200): Promise<CliEnvironment> {
  const cwd = mkdtempSync(join(tmpdir(), 'sb-cli-'));
  const worldStart = new Date(Date.now() - 10 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const env = await startDemoEnvironment({
    dir: join(cwd, 'emulator-state'),
    state: { seed: 4, orders, worldStart },
    timeScale,
    faultRate: 0,
    logger: silentLogger,
  });
  const { amazon, netsuite } = env.emulators;
  const secrets = {
    SELLERBRIDGE_SANDBOX_LWA_CLIENT_ID: amazon.credentials.clientId,
    SELLERBRIDGE_SANDBOX_LWA_CLIENT_SECRET: amazon.credentials.clientSecret,
    SELLERBRIDGE_SANDBOX_LWA_REFRESH_TOKEN: amazon.credentials.refreshToken,
    SELLERBRIDGE_SANDBOX_NS_CONSUMER_KEY: netsuite.credentials.tba.consumerKey,
    SELLERBRIDGE_SANDBOX_NS_CONSUMER_SECRET: netsuite.credentials.tba.consumerSecret,
    SELLERBRIDGE_SANDBOX_NS_TOKEN_ID: netsuite.credentials.tba.tokenId,
    SELLERBRIDGE_SANDBOX_NS_TOKEN_SECRET: netsuite.credentials.tba.tokenSecret,
    SELLERBRIDGE_ENCRYPTION_KEY: 'b'.repeat(64),
  };

  const writeConfig: CliEnvironment['writeConfig'] = (overrides = {}) => {
    const config = {
      integrationId: 'cli-test',
      stateDir: join(cwd, overrides.stateDir ?? '.sellerbridge'),
      environments: {
        sandbox: {
          amazon: {
            region: 'na',
            sellingPartnerId: amazon.credentials.sellingPartnerId,
            marketplaceIds: ['ATVPDKIKX0DER'],
            baseUrl: amazon.url,
            lwaUrl: amazon.lwaUrl,
            ...overrides.amazon,
          },
          netsuite: {
            accountId: netsuite.accountId,
            auth: 'tba',
            baseUrl: netsuite.url,
            ...overrides.netsuite,
          },
        },
      },
      starter: { ...env.starterOptions, ...overrides.starter },
    };
    const file = join(cwd, `config-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(config, null, 2));
    return file;
  };

  return { env, cwd, secrets, writeConfig, close: () => env.close() };
}

/** True when the text looks like a stack trace. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+:\d+:\d+/.test(text);
}
