import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createCliLogger } from '../src/index';

async function capture(
  json: boolean,
  log: (logger: ReturnType<typeof createCliLogger>) => void,
): Promise<string> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));

  log(createCliLogger({ json, stream, level: 'debug' }));
  await new Promise((resolve) => setTimeout(resolve, 20));

  return Buffer.concat(chunks).toString('utf8');
}

describe('createCliLogger', () => {
  it('writes JSON lines with --json, redacting secrets and buyer data', async () => {
    const output = await capture(true, (logger) =>
      logger.info(
        { flowId: 'mfn-orders', refreshToken: 'Atzr|abc', buyerEmail: 'a@b.example' },
        'run finished',
      ),
    );
    const entry = JSON.parse(output.trim()) as Record<string, unknown>;

    expect(entry).toMatchObject({
      msg: 'run finished',
      flowId: 'mfn-orders',
      refreshToken: '[REDACTED]',
      buyerEmail: '[PII]',
    });
    expect(output).not.toContain('Atzr|abc');
  });

  it('writes one readable line per entry on a terminal', async () => {
    const output = await capture(false, (logger) =>
      logger.warn({ flowId: 'inventory', failed: 2 }, 'record failed'),
    );

    expect(output).toMatch(/^\d\d:\d\d:\d\d warn {2}record failed flowId=inventory failed=2\n$/);
  });
});
