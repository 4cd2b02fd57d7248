/**
 * Child process of `bench/flows-starter.bench.ts`: starts both emulators on loopback (so the
 * benchmark's own process only runs the flows), prints their addresses and test credentials as
 * one JSON line, and stops when its stdin closes.
 *
 * Usage: node --import tsx packages/flows-starter/scripts/bench-emulators.ts '<json options>'
 */
import { startEmulators, type StartEmulatorsOptions } from '@sellerbridge/emulator';

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as StartEmulatorsOptions;
  const emulators = await startEmulators(options);
  const { amazon, netsuite } = emulators;
  const ready = {
    amazon: { url: amazon.url, lwaUrl: amazon.lwaUrl, credentials: amazon.credentials },
    netsuite: {
      url: netsuite.url,
      accountId: netsuite.accountId,
      tba: netsuite.credentials.tba,
      seeded: netsuite.inspect.seeded,
    },
  };

  process.stdout.write(`${JSON.stringify(ready)}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    void emulators.close().then(() => process.exit(0));
  });
}

void main();
