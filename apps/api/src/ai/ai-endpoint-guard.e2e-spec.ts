import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { fakeOpenAi, type FakeOpenAi } from '../../test/factories/ai.factory.js';
import { bearer, signup, type SignedUp } from '../../test/factories/users.factory.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { AiEndpoints } from './ai-endpoints.js';

/**
 * Settings → "Test connection" as an admin aiming the server at its own network, with private
 * endpoints off (production): every hop is checked where it connects, redirects are not followed.
 */
describe('AI endpoint guard: SSRF through Test connection (e2e)', () => {
  let t: TestApp;
  let owner: SignedUp;
  let fake: FakeOpenAi;
  let fakePort: number;
  let redirector: Server;
  let redirectorPort: number;
  const redirectorHits: string[] = [];

  const test = async (baseUrl: string) =>
    (
      await request(t.app.getHttpServer())
        .post(`/api/v1/workspaces/${owner.workspace.id}/ai/test`)
        .set(bearer(owner.accessToken))
        .send({ baseUrl, openaiApiKey: 'sk-ssrf-probe-key' })
        .expect(200)
    ).body as { ok: boolean; status: number | null; error: string | null };

  beforeAll(async () => {
    t = await createTestApp({ AI_ALLOW_PRIVATE_ENDPOINTS: 'off' });
    owner = await signup(t.app);
    fake = await fakeOpenAi();
    fakePort = Number(new URL(fake.url).port);
    // Stands in for a public server that answers with a redirect into the private network.
    redirector = createServer((req, res) => {
      redirectorHits.push(req.url ?? '');
      res.writeHead(302, { location: `http://127.0.0.1:${fakePort}${(req.url ?? '/').replace(/^\/v1/, '/openai/v1')}` }).end();
    });
    await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', r));
    redirectorPort = (redirector.address() as AddressInfo).port;
    t.app.get(AiEndpoints).exemptForTests('127.0.0.1', redirectorPort);
  });
  afterAll(async () => {
    await new Promise((r) => redirector.close(r));
    await fake.close();
    await t.close();
  });
  beforeEach(() => {
    fake.seen.length = 0;
    redirectorHits.length = 0;
  });

  it('should refuse a base URL that redirects to 127.0.0.1, reaching nothing behind it', async () => {
    const res = await test(`http://127.0.0.1:${redirectorPort}/v1`);
    expect(res).toMatchObject({ ok: false, status: null });
    expect(res.error).toBe(
      `The AI endpoint answered 302 redirecting to http://127.0.0.1:${fakePort}/openai/v1/models; redirects are not followed: enter the final base URL`,
    );
    expect(redirectorHits).toEqual(['/v1/models']); // the first hop was made (exempted as "public")
    expect(fake.seen).toEqual([]); // the private server behind the redirect was never reached
  });

  it('should refuse a host name resolving to a private address (localhost) at connect time', async () => {
    const res = await test(`http://localhost:${fakePort}/openai/v1`);
    expect(res).toMatchObject({ ok: false, status: null });
    expect(res.error).toMatch(/^The AI endpoint localhost \((127\.0\.0\.1|::1)\) is a private address \(loopback\); set AI_ALLOW_PRIVATE_ENDPOINTS=on/);
    expect(fake.seen).toEqual([]);
  });

  it.each(['http://127.0.0.1:PORT/openai/v1', 'http://[::ffff:127.0.0.1]:PORT/openai/v1', 'http://[::7f00:1]:PORT/openai/v1', 'http://[64:ff9b::7f00:1]:PORT/openai/v1'])(
    'should refuse the literal private address %s',
    async (url) => {
      const res = await test(url.replace('PORT', String(fakePort)));
      expect(res).toMatchObject({ ok: false, status: null });
      expect(res.error).toMatch(/is a private address \((loopback|IPv4-mapped|IPv4-compatible|NAT64)\)/);
      expect(fake.seen).toEqual([]);
    },
  );

  it('should still reach an allowed endpoint through the same guarded client', async () => {
    const undo = t.app.get(AiEndpoints).exemptForTests('127.0.0.1', fakePort);
    try {
      expect(await test(fake.url)).toMatchObject({ ok: true, status: 200, error: null });
      expect(fake.seen.map((s) => s.path)).toEqual(['/openai/v1/models']);
    } finally {
      undo();
    }
  });
});
