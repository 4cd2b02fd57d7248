import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
// Relative until the root vitest/tsconfig map the `@sellerbridge/flows-core/testing` subpath.
import { describeStateStoreContract } from '../../flows-core/src/testing';
import { createSqliteStore } from '../src/index';

const dir = mkdtempSync(join(tmpdir(), 'sellerbridge-sqlite-contract-'));
let counter = 0;
let file = '';

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStateStoreContract({
  name: 'sqlite (file)',
  create: () => {
    counter += 1;
    file = join(dir, `state-${counter}.db`);

    return createSqliteStore({ file });
  },
  reopen: () => createSqliteStore({ file }),
});

describeStateStoreContract({
  name: 'sqlite (:memory:)',
  create: () => createSqliteStore({ file: ':memory:' }),
});
