import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, memberWithRole, signup } from '../../test/factories/users.factory.js';

const AUTH_TOKEN = 'f00dfeedf00dfeedf00dfeedf00dfeed';
const API_KEY_SECRET = 'TwilioApiKeySecretValue0123456789';
const OPENAI_KEY = 'sk-test-openai-secret-value-123456';

describe('secrets stay secret (e2e)', () => {
  let t: TestApp;
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
    t = await createTestApp({ LOG_LEVEL: 'verbose' });
  });
  afterAll(async () => {
    await t.close();
    process.stdout.write = original.out;
    process.stderr.write = original.err;
  });

  it('should never put the Twilio auth token, API key secret or OpenAI key in a response body or the log', async () => {
    const s = await signup(t.app);
    const ws = `/api/v1/workspaces/${s.workspace.id}`;
    const bodies: string[] = [];
    const saved = await http()
      .patch(ws)
      .set(bearer(s.accessToken))
      .send({
        twilio: { accountSid: 'AC' + '12'.repeat(16), authToken: AUTH_TOKEN },
        dialer: { enabled: true, apiKeySid: 'SK' + '34'.repeat(16), apiKeySecret: API_KEY_SECRET },
        ai: { enabled: true, openaiApiKey: OPENAI_KEY },
      })
      .expect(200);
    bodies.push(saved.text);
    expect(saved.body.twilio.authTokenSet).toBe(true);
    expect(saved.body.dialer.apiKeySecretSet).toBe(true);
    expect(saved.body.ai.openaiApiKeySet).toBe(true);

    // A rejected save must not echo the secret in its error either.
    bodies.push((await http().patch(ws).set(bearer(s.accessToken)).send({ twilio: { accountSid: AUTH_TOKEN, authToken: 7 } }).expect(400)).text);

    const agent = await memberWithRole(t.app, s.workspace.id, 'agent');
    for (const token of [s.accessToken, agent.token]) {
      for (const path of [ws, `${ws}/members`, '/api/v1/me']) bodies.push((await http().get(path).set(bearer(token))).text);
    }
    bodies.push((await http().get(`${ws}/invitations`).set(bearer(s.accessToken))).text);
    bodies.push((await http().get(`${ws}/api-keys`).set(bearer(s.accessToken))).text);
    bodies.push((await http().get('/api/docs-json')).text);

    for (const secret of [AUTH_TOKEN, API_KEY_SECRET, OPENAI_KEY]) {
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
