import { createTestApp, type TestApp } from '../test-app.js';
import { connectRealtime, type RealtimeClient } from './sockets.factory.js';

export interface TwoInstances {
  a: TestApp;
  /** A second API instance on the same database: sockets live on one, a REST call may land on the other. */
  b: TestApp;
  urlA: string;
  urlB: string;
  /** A real Socket.IO client, closed after the test. */
  connect(url: string, token: string, workspaceId: string): Promise<RealtimeClient>;
}

/** Two API instances listening on loopback for the whole file; registers its own Jest hooks. */
export function useTwoInstances(env: Record<string, string> = {}): TwoInstances {
  const sockets: RealtimeClient[] = [];
  const t = {
    connect: async (url: string, token: string, workspaceId: string) => {
      const s = await connectRealtime(url, token, workspaceId);
      sockets.push(s);
      return s;
    },
  } as TwoInstances;
  const urlOf = async (app: TestApp) => {
    await app.app.listen(0, '127.0.0.1');
    return (await app.app.getUrl()).replace('[::1]', '127.0.0.1');
  };

  beforeAll(async () => {
    t.a = await createTestApp(env);
    t.b = await createTestApp(env);
    t.urlA = await urlOf(t.a);
    t.urlB = await urlOf(t.b);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(async () => {
    await t.a.close();
    await t.b.close();
  });
  return t;
}
