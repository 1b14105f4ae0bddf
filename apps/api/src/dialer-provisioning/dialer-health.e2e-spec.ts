import { jest } from '@jest/globals';
import { SandboxRequestClient, startSandbox } from '@ringtonic/sandbox';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { dialerSettings, type Sandbox, type SandboxAccount, sandboxAccount } from '../../test/factories/sandbox.factory.js';
import { bearer, memberWithRole, signup } from '../../test/factories/users.factory.js';

type Check = { id: string; ok: boolean; message: string; fix: string | null };

/** GET …/dialer/health asks Twilio only for owners/admins, at most once per 30 s, and only when it matters. */
describe('dialer health: live Twilio reads (e2e)', () => {
  let sandbox: Sandbox;
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  // Every REST request the API makes to Twilio (the sandbox) goes through this client.
  const twilioRequests = jest.spyOn(SandboxRequestClient.prototype, 'request');
  const gets = (path: string) =>
    twilioRequests.mock.calls.filter(([o]) => String(o.method).toUpperCase() === 'GET' && o.uri.endsWith(path)).length;
  const accountGets = (a: SandboxAccount) => gets(`/Accounts/${a.accountSid}.json`);
  const appUrl = (a: SandboxAccount, sid: string) => `${sandbox.url}/2010-04-01/Accounts/${a.accountSid}/Applications/${sid}.json`;
  const deleteApp = async (a: SandboxAccount, sid: string) => {
    const res = await fetch(appUrl(a, sid), { method: 'DELETE', headers: { Authorization: `Basic ${Buffer.from(`${a.accountSid}:${a.authToken}`).toString('base64')}` } });
    expect(res.status).toBe(204);
  };
  const health = async (ws: string, token: string) => {
    const res = await http().get(`${ws}/dialer/health`).set(bearer(token)).expect(200);
    return { ready: res.body.ready as boolean, byId: Object.fromEntries((res.body.checks as Check[]).map((c) => [c.id, c])) as Record<string, Check> };
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    t = await createTestApp({}, { sandboxUrl: sandbox.url });
  });
  afterAll(async () => {
    twilioRequests.mockRestore();
    await t.close();
    await sandbox.stop();
  });

  /** An Agency workspace whose dialer is ready against a fresh sandbox account with one tracking number. */
  async function readyWorkspace() {
    const account = await sandboxAccount(sandbox, { numberCount: 1 });
    const s = await signup(t.app);
    const ws = `/api/v1/workspaces/${s.workspace.id}`;
    await http().patch(ws).set(bearer(s.accessToken)).send({ plan: 'agency' }).expect(200);
    const saved = await http().patch(ws).set(bearer(s.accessToken)).send(dialerSettings(account)).expect(200);
    expect(saved.body.dialer.status).toBe('ready');
    await http().post(`${ws}/phone-numbers/import`).set(bearer(s.accessToken)).send({ twilioSids: [account.numbers[0]!.sid] }).expect(200);
    return { account, ws, workspaceId: s.workspace.id, token: s.accessToken, appSid: saved.body.dialer.twimlAppSid as string };
  }

  it('should read the Account and App once for two owner reads within 30 s, and never for an agent, manager or member', async () => {
    const w = await readyWorkspace();
    const [accountBefore, appBefore] = [accountGets(w.account), gets(`/Applications/${w.appSid}.json`)];
    expect((await health(w.ws, w.token)).ready).toBe(true);
    expect((await health(w.ws, w.token)).ready).toBe(true);
    expect(accountGets(w.account) - accountBefore).toBe(1);
    expect(gets(`/Applications/${w.appSid}.json`) - appBefore).toBe(1);

    const afterOwner = accountGets(w.account);
    for (const role of ['agent', 'manager', 'member'] as const) {
      const member = await memberWithRole(t.app, w.workspaceId, role);
      const h = await health(w.ws, member.token);
      // The stored state of the last save: credentials accepted, App provisioned.
      expect(h.byId.credentials).toMatchObject({ ok: true, message: 'Twilio accepted the Account SID and Auth Token when the settings were last saved.' });
      expect(h.byId.twiml_app!.ok).toBe(true);
      expect(h.byId.trial_account!.ok).toBe(true);
      expect(h.ready).toBe(role === 'agent');
    }
    expect(accountGets(w.account)).toBe(afterOwner);
  });

  it('should keep the live answer for the window, and drop it when the settings are saved', async () => {
    const w = await readyWorkspace();
    expect((await health(w.ws, w.token)).byId.twiml_app!.ok).toBe(true);
    await deleteApp(w.account, w.appSid);
    // Within the window: the cached answer, no new request.
    const before = accountGets(w.account);
    expect((await health(w.ws, w.token)).byId.twiml_app!.ok).toBe(true);
    expect(accountGets(w.account)).toBe(before);

    // A save provisions (a new App here) and drops the cached answer: the next read asks again.
    const saved = await http().patch(w.ws).set(bearer(w.token)).send({ name: 'Saved again' }).expect(200);
    const newApp = saved.body.dialer.twimlAppSid as string;
    expect(newApp).not.toBe(w.appSid);
    const afterSave = accountGets(w.account);
    const h = await health(w.ws, w.token);
    expect(accountGets(w.account)).toBe(afterSave + 1);
    expect(gets(`/Applications/${newApp}.json`)).toBeGreaterThan(0);
    expect(h.byId.twiml_app).toMatchObject({ ok: true, message: `The TwiML Application ${newApp} is provisioned.` });
  });

  it('should show an App deleted in Twilio before the next save', async () => {
    const w = await readyWorkspace();
    await deleteApp(w.account, w.appSid);
    const gone = await health(w.ws, w.token);
    expect(gone.ready).toBe(false);
    expect(gone.byId.twiml_app).toMatchObject({ ok: false, message: `The TwiML Application ${w.appSid} was deleted in Twilio.`, fix: expect.stringContaining('Save the workspace settings again') });
  });

  it('should not ask Twilio when the plan or the enabled switch already fail', async () => {
    const account = await sandboxAccount(sandbox);
    const s = await signup(t.app);
    const ws = `/api/v1/workspaces/${s.workspace.id}`;
    // Credentials saved on the Indie plan: verified by the save (one Account GET), nothing provisioned, nothing asked after.
    await http().patch(ws).set(bearer(s.accessToken)).send(dialerSettings(account)).expect(200);
    expect(accountGets(account)).toBe(1);
    const indie = await health(ws, s.accessToken);
    expect(indie.byId.plan!.ok).toBe(false);
    expect(indie.byId.credentials).toMatchObject({ ok: true, message: 'Twilio accepted the Account SID and Auth Token when the settings were last saved.' });

    // Agency, dialer switched off.
    await http().patch(ws).set(bearer(s.accessToken)).send({ plan: 'agency', dialer: { enabled: false } }).expect(200);
    const off = await health(ws, s.accessToken);
    expect(off.byId.enabled!.ok).toBe(false);
    expect(off.ready).toBe(false);
    expect(accountGets(account)).toBe(1);
  });
});
