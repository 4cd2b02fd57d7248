import { describe, expect, it } from 'vitest';
import { submitAsync } from '../src/records/jobs';
import {
  BASE_URL,
  RECORD,
  createTestClient,
  netsuite,
  settle,
  useNockAndFakeClock,
} from './helpers';

const JOB = '/services/rest/async/v1/job';

describe(submitAsync.name, () => {
  useNockAndFakeClock();

  it('submits with Prefer: respond-async, polls the job and reads each task result', async () => {
    const { client } = createTestClient();
    let idempotencyKey = '';
    const pollTimes: number[] = [];
    const scope = netsuite()
      .post(`${RECORD}/customer`, { companyName: 'Acme', externalId: 'c-1' })
      .matchHeader('prefer', 'respond-async')
      .reply(function reply() {
        idempotencyKey = String(this.req.headers['x-netsuite-idempotency-key']);
        return [
          202,
          '',
          { location: `${BASE_URL}${JOB}/900`, 'preference-applied': 'respond-async' },
        ];
      })
      .get(`${JOB}/900`)
      .times(2)
      .reply(() => {
        pollTimes.push(Date.now());
        return [200, { id: '900', completed: false, progress: 'pending', links: [] }];
      })
      .get(`${JOB}/900`)
      .reply(200, { id: '900', completed: true, progress: 'succeeded', links: [] })
      .get(`${JOB}/900/task`)
      .reply(200, {
        items: [
          { id: '1', links: [] },
          { id: '2', links: [] },
        ],
      })
      .get(`${JOB}/900/task/1/result`)
      .reply(204, '', { location: `${BASE_URL}${RECORD}/customer/321` })
      .get(`${JOB}/900/task/2/result`)
      .reply(400, {
        status: 400,
        'o:errorDetails': [
          { detail: 'bad', 'o:errorCode': 'INVALID_CONTENT', 'o:errorPath': 'email' },
        ],
      });

    const results = await settle(
      client.jobs.run(
        {
          method: 'POST',
          path: `${RECORD}/customer`,
          body: { companyName: 'Acme', externalId: 'c-1' },
          recordType: 'customer',
        },
        { pollIntervalMs: 1000 },
      ),
    );

    scope.done();
    expect(idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect((pollTimes[1] ?? 0) - (pollTimes[0] ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(results[0]).toMatchObject({ taskId: '1', status: 204, id: '321' });
    expect(results[1]).toMatchObject({
      taskId: '2',
      status: 400,
      error: { code: 'INVALID_INPUT', errorPath: 'email' },
    });
  });

  it('gives up with AbortedError after the timeout', async () => {
    const { client } = createTestClient();
    netsuite().persist().get(`${JOB}/5`).reply(200, { id: '5', completed: false });

    await expect(settle(waitForJobVia(client, '5'))).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

function waitForJobVia(client: ReturnType<typeof createTestClient>['client'], jobId: string) {
  return client.jobs.wait(jobId, { pollIntervalMs: 1000, timeoutMs: 10_000 });
}
