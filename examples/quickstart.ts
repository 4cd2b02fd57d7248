/**
 * Quickstart: the Starter integration embedded in a script, against both emulators on loopback.
 * Run from the repo root: `node --import tsx examples/quickstart.ts`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createIntegration } from '@sellerbridge/flows-core';
import { starter } from '@sellerbridge/flows-starter';
import { createNetSuiteClient } from '@sellerbridge/netsuite-client';
import { createSpApiClient } from '@sellerbridge/sp-api-client';
import { createSqliteStore } from '@sellerbridge/store-sqlite';

import { prepareAccount, salesOrdersInNetSuite } from './support/emulated-account';
import {
  amazonClientOptions,
  netsuiteClientOptions,
  startDemoEmulators,
} from './support/emulators';

// 1. A seeded seller world served by the Amazon and NetSuite emulators on 127.0.0.1.
const { emulators, world } = await startDemoEmulators();

// 2. The two clients, exactly as for real accounts (only the URLs and credentials differ).
const amazon = createSpApiClient(amazonClientOptions(emulators));
const netsuite = createNetSuiteClient(netsuiteClientOptions(emulators));

// 3. The integration: SQLite state in a temp folder, the Starter flows set up for this account.
const stateDir = mkdtempSync(join(tmpdir(), 'sellerbridge-quickstart-'));
const integration = createIntegration({
  id: 'quickstart',
  amazon,
  netsuite,
  store: createSqliteStore({ file: join(stateDir, 'state.db') }),
  plugins: [starter(await prepareAccount(netsuite, emulators))],
});

// 4. Import Amazon's MFN orders into NetSuite as sales orders.
const summary = await integration.run('mfn-orders');
const { read, created, updated, skipped, failed, durationMs } = summary;
console.log(`mfn-orders ${summary.status} in ${durationMs} ms`);
console.log(
  `  read ${read}, created ${created}, updated ${updated}, skipped ${skipped}, failed ${failed}`,
);

// Last line: machine-readable result (what NetSuite now holds), read by examples/test.
console.log(
  JSON.stringify({
    world,
    summary: { ...summary, writes: undefined },
    salesOrders: salesOrdersInNetSuite(emulators),
  }),
);

await integration.close();
await Promise.all([amazon.close(), netsuite.close()]);
await emulators.close();
rmSync(stateDir, { recursive: true, force: true });
