/**
 * Reliability proof (issue 7): a child process runs a 2,000-record flow whose writes go to a
 * target in another process (this one) that enforces unique keys; the child is SIGKILLed 20
 * times at record counts drawn by a seeded generator — half with a create accepted but its
 * response never delivered — and restarted until the flow completes. Afterwards every record
 * exists exactly once, the checkpoint is at the end and every error record is still stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../src/index';
import { superviseChildren } from './reliability/supervisor';
import { startTarget } from './reliability/target-server';

const RECORDS = 2000;
const KILLS = 20;
const FAILS_EVERY = 97;
const PAGE_SIZE = 25;
const here = dirname(fileURLToPath(import.meta.url));
const repositoryRoot = resolve(here, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'sellerbridge-reliability-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** mulberry32: a small seeded generator, so the kill points are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;

  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;

    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function killPoints(): number[] {
  const random = seeded(20261204);
  const points = new Set<number>();
  while (points.size < KILLS) points.add(1 + Math.floor(random() * (RECORDS - 100)));

  return [...points].sort((a, b) => a - b);
}

describe('crash recovery under SIGKILL', () => {
  it('creates every record exactly once across 20 kills and keeps every error record', async () => {
    const points = killPoints();
    let kills = 0;
    const running: { supervisor?: ReturnType<typeof superviseChildren> } = {};

    const target = await startTarget(1, (writerPid, state, respond) => {
      const due = kills < KILLS && state.records.size >= points[kills]!;
      const supervisor = running.supervisor;
      if (!due || !supervisor) return respond();

      kills += 1;
      if (kills % 2 === 1) {
        supervisor.kill(writerPid);
        respond();
      } else {
        respond();
        setImmediate(() => supervisor.kill(writerPid));
      }
    });

    const stateFile = join(dir, 'state.db');
    const supervisor = superviseChildren({
      script: join(here, 'reliability/child.ts'),
      cwd: repositoryRoot,
      env: {
        ...process.env,
        RELIABILITY_STATE_FILE: stateFile,
        RELIABILITY_TARGET_URL: target.url,
        RELIABILITY_RECORDS: String(RECORDS),
      },
      maxStarts: 2 * KILLS + 10,
    });
    running.supervisor = supervisor;
    const { completed, killed, failedKeys, unexpectedExits } = await supervisor.finished;
    await target.close();

    const writers = target.state.writers.filter((pid, i, all) => i === 0 || all[i - 1] !== pid);
    expect(unexpectedExits).toEqual([]);
    expect(writers.slice(0, -1).every((pid) => killed.has(pid))).toBe(true);
    const store = createSqliteStore({ file: stateFile });
    const expectedFailures = Array.from(
      { length: Math.floor(RECORDS / FAILS_EVERY) },
      (_, i) => `n-${(i + 1) * FAILS_EVERY}`,
    );
    const links = await store.listLinks('reliability');
    const errors = await store.listErrors('reliability', { limit: 10_000 });
    const runs = await store.listRuns('reliability', { limit: 100 });

    expect(completed).toBe(true);
    expect(kills).toBe(KILLS);
    expect(target.state.records.size).toBe(RECORDS - expectedFailures.length);
    expect(target.state.creates).toBe(target.state.records.size);
    // Links commit with their page, so a kill costs at most one page of conflict look-ups.
    expect(target.state.conflicts).toBeLessThanOrEqual(KILLS * PAGE_SIZE);
    expect(target.state.conflicts).toBeGreaterThanOrEqual(KILLS / 2);
    expect(links).toHaveLength(target.state.records.size);
    for (const link of links)
      expect(target.state.records.get(link.externalId)).toBe(link.netsuiteId);
    expect(await store.getCheckpoint('reliability', 'numbers')).toBe(RECORDS);
    expect([...failedKeys].sort()).toEqual([...expectedFailures].sort());
    expect(errors.map((e) => e.traceKey).sort()).toEqual([...expectedFailures].sort());
    expect(errors.every((e) => e.status === 'open' && e.error.code === 'INVALID_INPUT')).toBe(true);
    expect(runs[0]?.status).toBe('completed');
    await store.close();
  }, 180_000);
});
