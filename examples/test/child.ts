/**
 * Runs an example script as a child process (`node --import tsx examples/<name>.ts` from the repo
 * root, as a reader would) and collects its output line by line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A running example. */
export interface RunningExample {
  child: ChildProcess;
  /** Stdout lines so far. */
  lines: string[];
  /** Stderr so far (for failure messages). */
  stderr: () => string;
  /** Resolves with the first stdout line matching, or rejects after `timeoutMs` / on exit. */
  waitForLine: (match: (line: string) => boolean, timeoutMs: number) => Promise<string>;
  /** Resolves when the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `examples/<name>.ts`. */
export function startExample(name: string): RunningExample {
  const child = spawn(process.execPath, ['--import', 'tsx', `examples/${name}.ts`], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  let stdoutRest = '';
  let stderr = '';

  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (stdoutRest + chunk).split('\n');
    stdoutRest = parts.pop() ?? '';
    lines.push(...parts);
    for (const listener of [...listeners]) listener();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      if (stdoutRest) lines.push(stdoutRest);
      for (const listener of [...listeners]) listener();
      resolve({ code, signal });
    }),
  );

  const waitForLine = (match: (line: string) => boolean, timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = lines.find(match);
        if (found !== undefined) return finish(() => resolve(found));
        if (child.exitCode !== null || child.signalCode !== null)
          finish(() => reject(new Error(`example ${name} exited first; stderr:\n${stderr}`)));
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`no matching line from ${name} in ${timeoutMs} ms`))),
        timeoutMs,
      );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        listeners.delete(check);
        settle();
      };
      listeners.add(check);
      check();
    });

  return { child, lines, stderr: () => stderr, waitForLine, exited };
}

/** Runs an example to its end; returns its exit and the JSON object of its last stdout line. */
export async function runExample<T>(
  name: string,
): Promise<{ code: number | null; lines: string[]; result: T; stderr: string }> {
  const running = startExample(name);
  const { code } = await running.exited;
  const last = [...running.lines].reverse().find((line) => line.startsWith('{'));
  if (last === undefined) {
    throw new Error(
      `example ${name} printed no JSON line (exit ${code}); stderr:\n${running.stderr()}`,
    );
  }

  return { code, lines: running.lines, result: JSON.parse(last) as T, stderr: running.stderr() };
}
