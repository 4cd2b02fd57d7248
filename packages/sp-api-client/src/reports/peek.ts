/**
 * Reads the first bytes of a byte stream without losing them: the report pipeline must look
 * at the gzip magic and at the first 64 KB (charset detection) before it knows how to decode.
 */
import { Readable } from 'node:stream';

/** The first bytes of a stream and a stream replaying them followed by the rest. */
export interface PeekedStream {
  head: Buffer;
  stream: Readable;
}

/** Reads at least `minBytes` (or everything, when shorter) and returns them with a replay stream. */
export async function peekStream(source: Readable, minBytes: number): Promise<PeekedStream> {
  const iterator: AsyncIterator<Buffer> = source[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  let isDone = false;

  while (size < minBytes) {
    const next = await iterator.next();
    if (next.done === true) {
      isDone = true;
      break;
    }

    chunks.push(next.value);
    size += next.value.length;
  }

  const head = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);

  return { head, stream: Readable.from(replay(head, iterator, isDone), { objectMode: false }) };
}

async function* replay(
  head: Buffer,
  iterator: AsyncIterator<Buffer>,
  isDone: boolean,
): AsyncGenerator<Buffer> {
  try {
    if (head.length > 0) yield head;
    if (isDone) return;

    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}

/** True when the bytes start with the gzip magic number 1f 8b (RFC 1952 §2.3.1). */
export function isGzipMagic(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}
