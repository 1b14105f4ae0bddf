import { startSandbox } from '@ringtonic/sandbox';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { dialerSettings, type Sandbox, type SandboxAccount, sandboxAccount } from '../../test/factories/sandbox.factory.js';
import { bearer, memberWithRole, PASSWORD, signup, uniqueEmail } from '../../test/factories/users.factory.js';

const OPENAI_KEY = 'sk-test-openai-secret-value-123456';

describe('secrets stay secret (e2e)', () => {
  let t: TestApp;
  let sandbox: Sandbox;
  let account: SandboxAccount;
  const http = () => request(t.app.getHttpServer());
  const logged: string[] = [];
  const original = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };

  beforeAll(async () => {
    const capture = (chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    };
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    // The Twilio stand-in, so the dialer and number routes answer 200 with these credentials saved.
    sandbox = await startSandbox({ port: 0 });
    account = await sandboxAccount(sandbox, { numberCount: 1 });
    t = await createTestApp({ LOG_LEVEL: 'verbose' }, { sandboxUrl: sandbox.url });
  });
  afterAll(async () => {
    await t.close();
    await sandbox.stop();
    process.stdout.write = original.out;
    process.stderr.write = original.err;
  });

  it('should never put the Twilio auth token, API key secret, OpenAI key or a workspace API key in a response body or the log', async () => {
    const s = await signup(t.app);
    const ws = `/api/v1/workspaces/${s.workspace.id}`;
    const bodies: string[] = [];
    const saved = await http()
      .patch(ws)
      .set(bearer(s.accessToken))
      .send({ ...dialerSettings(account), ai: { enabled: true, openaiApiKey: OPENAI_KEY } })
      .expect(200);
    bodies.push(saved.text);
    expect(saved.body.twilio.authTokenSet).toBe(true);
    expect(saved.body.dialer.apiKeySecretSet).toBe(true);
    expect(saved.body.ai.openaiApiKeySet).toBe(true);
    await http().patch(ws).set(bearer(s.accessToken)).send({ plan: 'agency' }).expect(200);

    // A rejected save must not echo the secret in its error either.
    bodies.push((await http().patch(ws).set(bearer(s.accessToken)).send({ twilio: { accountSid: account.authToken, authToken: 7 } }).expect(400)).text);

    // The workspace API key is shown once, in its creation response (not scanned), then never again.
    const created = await http().post(`${ws}/api-keys`).set(bearer(s.accessToken)).send({ name: 'integration' }).expect(201);
    const apiKey = created.body.key as string;
    expect(apiKey).toMatch(/^rt_/);
    bodies.push((await http().get(`${ws}/api-keys`).set(bearer(s.accessToken)).expect(200)).text);

    // Numbers come from the Twilio stand-in with the saved credentials.
    const twilioNumbers = await http().get(`${ws}/twilio-numbers`).set(bearer(s.accessToken)).expect(200);
    bodies.push(twilioNumbers.text);
    bodies.push((await http().post(`${ws}/phone-numbers/import`).set(bearer(s.accessToken)).send({ twilioSids: [account.numbers[0]!.sid] }).expect(200)).text);

    const agent = await memberWithRole(t.app, s.workspace.id, 'agent');
    for (const token of [s.accessToken, agent.token, apiKey]) {
      for (const path of [ws, `${ws}/members`, `${ws}/dialer`, `${ws}/dialer/health`, `${ws}/phone-numbers`]) {
        bodies.push((await http().get(path).set(bearer(token)).expect(200)).text);
      }
    }
    bodies.push((await http().get('/api/v1/me').set(bearer(s.accessToken)).expect(200)).text);
    bodies.push((await http().get(`${ws}/twilio-numbers`).set(bearer(apiKey)).expect(200)).text);

    // Invitations: the outbox, the preview and the acceptance.
    const inv = await http().post(`${ws}/invitations`).set(bearer(s.accessToken)).send({ email: uniqueEmail('invited'), role: 'agent' }).expect(201);
    bodies.push(inv.text);
    bodies.push((await http().get(`${ws}/invitations`).set(bearer(s.accessToken)).expect(200)).text);
    bodies.push((await http().get(`${ws}/invitations`).set(bearer(apiKey)).expect(403)).text); // keys may not read the outbox
    const inviteToken = (inv.body.acceptUrl as string).split('/invite/')[1]!;
    bodies.push((await http().get(`/api/v1/invitations/${inviteToken}`).expect(200)).text);
    bodies.push((await http().post(`/api/v1/invitations/${inviteToken}/accept`).send({ name: 'Invited', password: PASSWORD }).expect(200)).text);

    const docs = await http().get('/api/docs-json');
    expect(docs.status).toBe(200);
    bodies.push(docs.text);

    expect(bodies.length).toBeGreaterThan(25);
    for (const secret of [account.authToken, account.apiKeySecret, OPENAI_KEY, apiKey]) {
      for (const body of bodies) expect(body).not.toContain(secret);
      expect(logged.join('')).not.toContain(secret);
    }
  });

  it('should not log passwords or access tokens, even on failed logins', async () => {
    const s = await signup(t.app);
    await http().post('/api/v1/auth/login').send({ email: s.user.email, password: 'Wrong-Password-Value-42' }).expect(401);
    await http().get('/api/v1/me').set(bearer(s.accessToken)).expect(200);
    const log = logged.join('');
    expect(log).not.toContain('Wrong-Password-Value-42');
    expect(log).not.toContain(s.accessToken);
    expect(log.length).toBeGreaterThan(0);
  });
});
