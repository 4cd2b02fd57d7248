import { it } from 'vitest';

import { eligibleMfnOrders } from './expectations';
import { startEnvironment } from './harness';

it('debug', async () => {
  const env = await startEnvironment({ orders: 120, seed: 3 });
  const integration = env.integration();
  const summary = await integration.run('mfn-orders');
  const { importable, missingItem } = eligibleMfnOrders(env.emulators);
  const errors = await integration.errors.list({ flowId: 'mfn-orders' });
  process.stdout.write(
    JSON.stringify(
      {
        summary: { ...summary, writes: undefined },
        importable: importable.length,
        missing: missingItem.length,
        count: env.emulators.netsuite.inspect.count('salesOrder'),
        errors: errors.slice(0, 5).map((e) => [e.traceKey, e.error]),
      },
      null,
      1,
    ) + '\n',
  );
  process.stdout.write(
    JSON.stringify(
      importable
        .slice(0, 3)
        .map((o) => [o.orderId, o.createdTime, o.lastUpdatedTime, o.fulfillment]),
    ) +
      ' now ' +
      env.emulators.world.now +
      '\n',
  );
  process.stdout.write(JSON.stringify(env.emulators.amazon.inspect.requestCounts()) + '\n');
  await integration.close();
  await env.close();
});
