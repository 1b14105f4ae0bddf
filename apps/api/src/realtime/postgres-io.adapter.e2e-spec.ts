// The Socket.IO Postgres adapter when PostgreSQL drops its connections (as a restart does): two API
// instances on the run's PostgreSQL, a socket on one, broadcasts from the other.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { connectRealtime, nextEvent, type RealtimeClient } from '../../test/factories/sockets.factory.js';
import { signup } from '../../test/factories/users.factory.js';
import { REALTIME_APPLICATION_NAME } from './postgres-io.adapter.js';
import { RealtimeEmitter } from './realtime.emitter.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Postgres Socket.IO adapter when PostgreSQL drops its connections (e2e)', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: pg.Client;
  let socketOnB: RealtimeClient;
  let workspaceId: string;

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp();
    await a.app.listen(0, '127.0.0.1');
    await b.app.listen(0, '127.0.0.1');
    const owner = await signup(a.app);
    workspaceId = owner.workspace.id;
    socketOnB = await connectRealtime((await b.app.getUrl()).replace('[::1]', '127.0.0.1'), owner.accessToken, workspaceId);
    admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    socketOnB?.close();
    await admin?.end();
    await a?.close();
    await b?.close();
  });

  /** Whether a broadcast from instance A reaches the socket on instance B within 500 ms. */
  const crosses = async (): Promise<boolean> => {
    const tag = randomUUID();
    const heard = nextEvent(socketOnB, 'calllog.updated', (e) => e.id === tag, 500).then(() => true, () => false);
    a.app.get(RealtimeEmitter).toWorkspace(workspaceId, 'calllog.updated', { id: tag });
    return heard;
  };
  const crossesWithin = async (ms: number): Promise<number> => {
    const start = Date.now();
    while (!(await crosses())) if (Date.now() - start > ms) throw new Error(`broadcasts did not cross instances again within ${ms} ms`);
    return Date.now() - start;
  };
  const adapterConnections = async () =>
    (await admin.query<{ pid: number; query: string }>('SELECT pid, query FROM pg_stat_activity WHERE application_name = $1', [REALTIME_APPLICATION_NAME])).rows;

  it('should stay up, re-LISTEN and deliver across instances again each time its connections are terminated', async () => {
    expect(await crosses()).toBe(true);
    // More cuts than the adapter's pool has connections: a dead LISTEN client kept checked out would fill it.
    for (let cut = 1; cut <= 6; cut++) {
      const before = await adapterConnections();
      expect(before.some((c) => /^LISTEN /.test(c.query))).toBe(true);
      // What a PostgreSQL restart does to every connection: FATAL 57P01, then the socket closes.
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [REALTIME_APPLICATION_NAME]);
      await sleep(50);
      await crossesWithin(8_000);
    }
    // Each instance holds its LISTEN connection and at most its pool's other slots: nothing leaked.
    let after = await adapterConnections();
    for (let i = 0; i < 100 && after.filter((c) => /^LISTEN /.test(c.query)).length < 2; i++) {
      await sleep(100);
      after = await adapterConnections();
    }
    expect(after.filter((c) => /^LISTEN /.test(c.query))).toHaveLength(2);
    expect(after.length).toBeLessThanOrEqual(8);
  }, 90_000);
});
