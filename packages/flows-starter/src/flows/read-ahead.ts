/**
 * Reads an async source of pages ahead of its consumer, so a rate-limited read (searchOrders
 * allows one page per ~3 minutes after its burst) waits for its tokens while the consumer is
 * busy with other work. Pages come out in the source's order, exactly once.
 */

/** A source read in the background; iterate it once, and stop it when no longer needed. */
export interface ReadAhead<T> extends AsyncIterable<T> {
  /** Aborts the background read; pages already read are dropped. Safe to call twice. */
  stop(): void;
}

/**
 * Starts reading `open(signal)` now, holding at most `maxBuffered` pages. The signal passed to
 * the source aborts on `parent` (a forced stop) or on {@link ReadAhead.stop}. A read error is
 * thrown to the consumer when it reaches that point of the source.
 */
export function readAhead<T>(
  open: (signal: AbortSignal) => AsyncIterable<T>,
  parent: AbortSignal,
  maxBuffered: number,
): ReadAhead<T> {
  const local = new AbortController();
  const buffer: T[] = [];
  let finished: { error?: unknown } | undefined;
  let wakeConsumer: (() => void) | undefined;
  let wakeProducer: (() => void) | undefined;
  const notify = (): void => {
    wakeConsumer?.();
    wakeConsumer = undefined;
  };

  const produce = async (): Promise<void> => {
    const signal = AbortSignal.any([parent, local.signal]);

    try {
      for await (const page of open(signal)) {
        buffer.push(page);
        notify();

        if (buffer.length >= maxBuffered && !signal.aborted)
          await new Promise<void>((resolve) => (wakeProducer = resolve));
        if (signal.aborted) break;
      }

      finished = {};
    } catch (error) {
      finished = { error };
    }

    notify();
  };

  async function* consume(): AsyncGenerator<T> {
    for (;;) {
      if (buffer.length > 0) {
        const page = buffer.shift() as T;
        wakeProducer?.();
        wakeProducer = undefined;
        yield page;
        continue;
      }

      if (finished) {
        if ('error' in finished) throw finished.error;
        return;
      }

      await new Promise<void>((resolve) => (wakeConsumer = resolve));
    }
  }

  void produce();

  return {
    [Symbol.asyncIterator]: () => consume(),
    stop: () => {
      local.abort();
      wakeProducer?.();
      wakeProducer = undefined;
    },
  };
}
