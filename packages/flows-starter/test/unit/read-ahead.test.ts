import { describe, expect, it } from 'vitest';

import { readAhead } from '../../src/flows/read-ahead';

/** A source of `count` pages that records when each was read and whether it was aborted. */
function pagesSource(count: number, failAt?: number) {
  const read: number[] = [];
  let aborted = false;

  async function* open(signal: AbortSignal): AsyncGenerator<number> {
    signal.addEventListener('abort', () => (aborted = true));

    for (let page = 0; page < count; page += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (page === failAt) throw new Error(`page ${page} failed`);
      read.push(page);
      yield page;
    }
  }

  return { open, read, wasAborted: () => aborted };
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe(readAhead.name, () => {
  it('reads before the consumer asks and yields every page once, in order', async () => {
    const source = pagesSource(5);
    const ahead = readAhead(source.open, new AbortController().signal, 10);

    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(source.read).toEqual([0, 1, 2, 3, 4]);

    expect(await collect(ahead)).toEqual([0, 1, 2, 3, 4]);
  });

  it('holds at most maxBuffered pages until the consumer takes one', async () => {
    const source = pagesSource(6);
    const ahead = readAhead(source.open, new AbortController().signal, 2);

    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(source.read).toEqual([0, 1]);

    expect(await collect(ahead)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('throws a read error where the consumer reaches it', async () => {
    const source = pagesSource(4, 2);
    const pages: number[] = [];
    const ahead = readAhead(source.open, new AbortController().signal, 10);

    await expect(async () => {
      for await (const page of ahead) pages.push(page);
    }).rejects.toThrow('page 2 failed');
    expect(pages).toEqual([0, 1]);
  });

  it('aborts the source on stop and on the parent signal', async () => {
    const stopped = pagesSource(100);
    readAhead(stopped.open, new AbortController().signal, 1).stop();

    const parent = new AbortController();
    const forced = pagesSource(100);
    readAhead(forced.open, parent.signal, 1);
    parent.abort();

    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped.wasAborted()).toBe(true);
    expect(stopped.read.length).toBeLessThanOrEqual(1);
    expect(forced.wasAborted()).toBe(true);
  });
});
