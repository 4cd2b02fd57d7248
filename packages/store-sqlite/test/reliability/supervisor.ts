/**
 * Runs the reliability child like a supervisor with a warm standby: two children are alive at a
 * time, one holding the flow lock and writing, the other waiting for the lock. A killed child is
 * replaced at once; the standby takes over when the dead holder's lock expires.
 */
import { spawn, type ChildProcess } from 'node:child_process';

/** How the children went. */
export interface SupervisorResult {
  completed: boolean;
  starts: number;
  killed: Set<number>;
  failedKeys: Set<string>;
  unexpectedExits: string[];
}

/** Spawns children until one completes the flow; `kill(pid)` is for the target's hook. */
export function superviseChildren(command: {
  script: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  maxStarts: number;
}) {
  const children = new Map<number, ChildProcess>();
  const result: SupervisorResult = {
    completed: false,
    starts: 0,
    killed: new Set(),
    failedKeys: new Set(),
    unexpectedExits: [],
  };
  let finish: (value: SupervisorResult) => void = () => undefined;
  const finished = new Promise<SupervisorResult>((resolve) => (finish = resolve));

  const onExit = (
    pid: number,
    output: string,
    code: number | null,
    signal: string | null,
  ): void => {
    children.delete(pid);
    for (const line of output.split('\n')) {
      if (line.startsWith('failed ')) result.failedKeys.add(line.slice('failed '.length));
    }

    if (code === 0 && output.includes('done {"status":"completed"')) result.completed = true;
    else if (signal !== 'SIGKILL')
      result.unexpectedExits.push(`pid ${pid}: code ${code} signal ${signal}`);

    if (result.completed) for (const [otherPid, child] of children) kill(otherPid, child);
    keepTwo();
    if (children.size === 0) finish(result);
  };

  const start = (): void => {
    result.starts += 1;
    const child = spawn(process.execPath, ['--import', 'tsx', command.script], {
      cwd: command.cwd,
      env: command.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pid = child.pid ?? -1;
    let output = '';
    children.set(pid, child);
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('exit', (code, signal) => onExit(pid, output, code, signal));
  };

  const keepTwo = (): void => {
    while (!result.completed && children.size < 2 && result.starts < command.maxStarts) start();
  };

  const kill = (pid: number, child = children.get(pid)): void => {
    result.killed.add(pid);
    child?.kill('SIGKILL');
  };

  keepTwo();

  return { finished, kill };
}
