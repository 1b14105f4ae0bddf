import type { WorkspaceView } from '@ringtonic/contracts';
import { startSandbox } from '@ringtonic/sandbox';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { dialerSettings, rotateAuthToken, type Sandbox, sandboxAccount } from '../../test/factories/sandbox.factory.js';
import { bearer, memberWithRole, signup } from '../../test/factories/users.factory.js';

const basic = (sid: string, token: string) => ({ Authorization: `Basic ${Buffer.from(`${sid}:${token}`).toString('base64')}` });

describe('dialer provisioning against the sandbox (e2e)', () => {
  let sandbox: Sandbox;
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    t = await createTestApp({}, { sandboxUrl: sandbox.url });
  });
  afterAll(async () => {
    await t.close();
    await sandbox.stop();
  });

  async function agencyWorkspace() {
    const s = await signup(t.app);
    await http().patch(`/api/v1/workspaces/${s.workspace.id}`).set(bearer(s.accessToken)).send({ plan: 'agency' }).expect(200);
    return s;
  }

  it('should refuse wrong credentials with the reason (nothing saved), be ready once corrected, and recreate a deleted App', async () => {
    const account = await sandboxAccount(sandbox);
    const s = await agencyWorkspace();
    const ws = `/api/v1/workspaces/${s.workspace.id}`;
    const wrong = dialerSettings(account);
    wrong.twilio.authToken = 'ffffffffffffffffffffffffffffffff';
    const bad = await http().patch(ws).set(bearer(s.accessToken)).send(wrong).expect(422);
    expect(bad.body).toMatchObject({ code: 'TWILIO_REJECTED', message: expect.stringContaining('Twilio rejected the Account SID and Auth Token (Twilio error 20003') });
    const unchanged = await http().get(ws).set(bearer(s.accessToken)).expect(200);
    expect(unchanged.body).toMatchObject({ twilio: { accountSid: null, authTokenSet: false }, dialer: { enabled: false, apiKeySecretSet: false } });

    const good = await http().patch(ws).set(bearer(s.accessToken)).send(dialerSettings(account)).expect(200);
    const view = good.body as WorkspaceView;
    expect(view.dialer).toMatchObject({ status: 'ready', statusMessage: null });
    expect(view.dialer.twimlAppSid).toMatch(/^AP[0-9a-f]{32}$/);
    expect(view.twilio.accountType).toBe('Full');

    const app = await fetch(`${sandbox.url}/2010-04-01/Accounts/${account.accountSid}/Applications/${view.dialer.twimlAppSid}.json`, {
      headers: basic(account.accountSid, account.authToken),
    });
    expect(await app.json()).toMatchObject({ voice_url: 'http://localhost:3999/webhooks/twilio/voice/client', status_callback: 'http://localhost:3999/webhooks/twilio/voice/status' });

    // Saving again reuses the same App.
    const again = await http().patch(ws).set(bearer(s.accessToken)).send({ name: 'Saved again' }).expect(200);
    expect(again.body.dialer.twimlAppSid).toBe(view.dialer.twimlAppSid);

    const deleted = await fetch(`${sandbox.url}/2010-04-01/Accounts/${account.accountSid}/Applications/${view.dialer.twimlAppSid}.json`, {
      method: 'DELETE',
      headers: basic(account.accountSid, account.authToken),
    });
    expect(deleted.status).toBe(204);
    const recreated = await http().patch(ws).set(bearer(s.accessToken)).send({ dialer: { enabled: true } }).expect(200);
    expect(recreated.body.dialer.status).toBe('ready');
    expect(recreated.body.dialer.twimlAppSid).toMatch(/^AP/);
    expect(recreated.body.dialer.twimlAppSid).not.toBe(view.dialer.twimlAppSid);

    // The token rotated in Twilio since: the next save's provisioning says why it is not ready.
    await rotateAuthToken(sandbox, account);
    const stale = await http().patch(ws).set(bearer(s.accessToken)).send({ dialer: { enabled: true } }).expect(200);
    expect(stale.body.dialer.status).toBe('not_ready');
    expect(stale.body.dialer.statusMessage).toContain('Twilio rejected the Account SID and Auth Token (Twilio error 20003)');
    expect(stale.body.dialer.statusMessage).toContain('Verify your Account SID and Auth Token in the Basic tab');
  });

  it('should be not_ready naming the API key when the key secret is wrong', async () => {
    const account = await sandboxAccount(sandbox);
    const s = await agencyWorkspace();
    const settings = dialerSettings(account);
    settings.dialer.apiKeySecret = 'not-the-secret-of-this-key';
    const res = await http().patch(`/api/v1/workspaces/${s.workspace.id}`).set(bearer(s.accessToken)).send(settings).expect(200);
    expect(res.body.dialer.status).toBe('not_ready');
    expect(res.body.dialer.statusMessage).toContain('Twilio rejected the API Key SID and Secret');
  });

  it('should warn about a trial account with the seed explanation, and list it in the health checks', async () => {
    const account = await sandboxAccount(sandbox, { type: 'Trial' });
    const s = await agencyWorkspace();
    const res = await http().patch(`/api/v1/workspaces/${s.workspace.id}`).set(bearer(s.accessToken)).send(dialerSettings(account)).expect(200);
    expect(res.body.dialer.status).toBe('ready');
    expect(res.body.twilio.accountType).toBe('Trial');
    expect(res.body.dialer.statusMessage).toContain('only reach verified numbers');
    const health = await http().get(`/api/v1/workspaces/${s.workspace.id}/dialer/health`).set(bearer(s.accessToken)).expect(200);
    const trial = health.body.checks.find((c: { id: string }) => c.id === 'trial_account');
    expect(trial).toMatchObject({ ok: false, fix: expect.stringContaining('Upgrade') });
  });

  it('should list every check with its fix for a workspace that has nothing set up', async () => {
    const s = await signup(t.app);
    const res = await http().get(`/api/v1/workspaces/${s.workspace.id}/dialer/health`).set(bearer(s.accessToken)).expect(200);
    expect(res.body.ready).toBe(false);
    const byId = Object.fromEntries(res.body.checks.map((c: { id: string; ok: boolean }) => [c.id, c.ok]));
    expect(byId).toEqual({ role: true, plan: false, enabled: false, credentials: false, api_key: false, twiml_app: false, tracking_numbers: false, trial_account: false });
    // Nothing to read the account type with: unknown, said so honestly.
    expect(res.body.checks.find((c: { id: string }) => c.id === 'trial_account').message).toContain('not known yet');
    for (const c of res.body.checks.filter((x: { ok: boolean }) => !x.ok)) expect(c.fix).toEqual(expect.any(String));
  });

  const healthOf = async (ws: string, token: string) => {
    const res = await http().get(`${ws}/dialer/health`).set(bearer(token)).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['checks', 'ready']);
    for (const c of res.body.checks) expect(Object.keys(c).sort()).toEqual(['fix', 'id', 'message', 'ok']);
    return { ready: res.body.ready as boolean, byId: Object.fromEntries(res.body.checks.map((c: { id: string }) => [c.id, c])) as Record<string, { ok: boolean; message: string; fix: string | null }> };
  };

  it('should fail the credentials check when Twilio rejects them (token rotated in Twilio), and leave the account type unknown (not ok)', async () => {
    const account = await sandboxAccount(sandbox);
    const s = await agencyWorkspace();
    const ws = `/api/v1/workspaces/${s.workspace.id}`;
    await http().patch(ws).set(bearer(s.accessToken)).send(dialerSettings(account)).expect(200);
    await rotateAuthToken(sandbox, account);
    await http().patch(ws).set(bearer(s.accessToken)).send({ dialer: { enabled: true } }).expect(200);
    const h = await healthOf(ws, s.accessToken);
    expect(h.ready).toBe(false);
    expect(h.byId.credentials).toMatchObject({ ok: false, message: expect.stringContaining('Twilio error 20003'), fix: expect.stringContaining('Settings → Basic') });
    expect(h.byId.trial_account).toMatchObject({ ok: false, message: expect.stringContaining('not known yet'), fix: expect.any(String) });
  });

  it('should be not_ready for a suspended account, and fail the credentials check saying so', async () => {
    const account = await sandboxAccount(sandbox);
    await fetch(`${sandbox.url}/sandbox/accounts/${account.accountSid}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status: 'suspended' }) });
    const s = await agencyWorkspace();
    const ws = `/api/v1/workspaces/${s.workspace.id}`;
    const res = await http().patch(ws).set(bearer(s.accessToken)).send(dialerSettings(account)).expect(200);
    expect(res.body.dialer).toMatchObject({ status: 'not_ready', twimlAppSid: null, statusMessage: expect.stringContaining('Your Twilio account is suspended') });
    const h = await healthOf(ws, s.accessToken);
    expect(h.byId.credentials).toMatchObject({ ok: false, message: 'Your Twilio account is suspended.', fix: expect.stringContaining('Reactivate') });
    expect(h.byId.twiml_app.ok).toBe(false);
  });

  it("should be ready only when the caller's role may dial", async () => {
    const account = await sandboxAccount(sandbox, { numberCount: 1 });
    const s = await agencyWorkspace();
    const ws = `/api/v1/workspaces/${s.workspace.id}`;
    await http().patch(ws).set(bearer(s.accessToken)).send(dialerSettings(account)).expect(200);
    await http().post(`${ws}/phone-numbers/import`).set(bearer(s.accessToken)).send({ twilioSids: [account.numbers[0]!.sid] }).expect(200);
    const owner = await healthOf(ws, s.accessToken);
    expect(owner.ready).toBe(true);
    expect(Object.values(owner.byId).every((c) => c.ok && c.fix === null)).toBe(true);
    expect(owner.byId.credentials!.message).toBe('Twilio accepts the Account SID and Auth Token.');
    expect(owner.byId.trial_account!.message).toBe('Your Twilio account is upgraded.');

    const manager = await memberWithRole(t.app, s.workspace.id, 'manager');
    const forManager = await healthOf(ws, manager.token);
    expect(forManager.ready).toBe(false);
    expect(forManager.byId.role).toMatchObject({ ok: false, fix: expect.stringContaining('Agent') });
  });

  it('should import numbers across pages, point their webhooks at us, and assign campaigns', async () => {
    // More than one page of the API's 100-number pages.
    const account = await sandboxAccount(sandbox, { numberCount: 105 });
    const s = await agencyWorkspace();
    const ws = `/api/v1/workspaces/${s.workspace.id}`;
    await http().patch(ws).set(bearer(s.accessToken)).send(dialerSettings(account)).expect(200);

    const listed = await http().get(`${ws}/twilio-numbers`).set(bearer(s.accessToken)).expect(200);
    expect(listed.body.items).toHaveLength(105);
    expect(listed.body.items.map((n: { sid: string }) => n.sid).sort()).toEqual(account.numbers.map((n) => n.sid).sort());
    const sids = listed.body.items.map((n: { sid: string }) => n.sid);
    // At most 100 per request (the page imports in batches).
    const firstBatch = await http().post(`${ws}/phone-numbers/import`).set(bearer(s.accessToken)).send({ twilioSids: sids.slice(0, 100) }).expect(200);
    expect(firstBatch.body).toMatchObject({ failed: [] });
    expect(firstBatch.body.items).toHaveLength(100);
    const imported = await http().post(`${ws}/phone-numbers/import`).set(bearer(s.accessToken)).send({ twilioSids: [...sids.slice(100), 'PN' + '0'.repeat(32)] }).expect(200);
    expect(imported.body.items).toHaveLength(5);
    expect(imported.body.failed).toEqual([{ sid: 'PN' + '0'.repeat(32), message: 'This number is not in your Twilio account' }]);

    const pn = await (await fetch(`${sandbox.url}/2010-04-01/Accounts/${account.accountSid}/IncomingPhoneNumbers/${sids[0]}.json`, { headers: basic(account.accountSid, account.authToken) })).json();
    expect(pn).toMatchObject({ voice_url: 'http://localhost:3999/webhooks/twilio/voice/inbound', status_callback: 'http://localhost:3999/webhooks/twilio/voice/status' });
    const relisted = await http().get(`${ws}/twilio-numbers`).set(bearer(s.accessToken)).expect(200);
    expect(relisted.body.items.filter((n: { imported: boolean }) => n.imported)).toHaveLength(105);
    // The last page's numbers point at us too.
    const last = await (await fetch(`${sandbox.url}/2010-04-01/Accounts/${account.accountSid}/IncomingPhoneNumbers/${sids[104]}.json`, { headers: basic(account.accountSid, account.authToken) })).json();
    expect(last.voice_url).toBe('http://localhost:3999/webhooks/twilio/voice/inbound');

    const campaign = await http().post(`${ws}/campaigns`).set(bearer(s.accessToken)).send({ name: 'Google Ads' }).expect(201);
    await http().post(`${ws}/campaigns`).set(bearer(s.accessToken)).send({ name: 'Google Ads' }).expect(409);
    const number = imported.body.items[0];
    const assigned = await http().patch(`${ws}/phone-numbers/${number.id}`).set(bearer(s.accessToken)).send({ campaignId: campaign.body.id, label: 'Main line' }).expect(200);
    expect(assigned.body).toMatchObject({ label: 'Main line', campaign: { id: campaign.body.id, name: 'Google Ads' } });
    const campaigns = await http().get(`${ws}/campaigns`).set(bearer(s.accessToken)).expect(200);
    expect(campaigns.body.items).toEqual([expect.objectContaining({ name: 'Google Ads', numberCount: 1 })]);

    const renamed = await http().patch(`${ws}/campaigns/${campaign.body.id}`).set(bearer(s.accessToken)).send({ name: 'Google Search' }).expect(200);
    expect(renamed.body).toMatchObject({ id: campaign.body.id, name: 'Google Search' });
    const numbersNow = await http().get(`${ws}/phone-numbers`).set(bearer(s.accessToken)).expect(200);
    expect(numbersNow.body.items.find((n: { id: string }) => n.id === number.id).campaign).toEqual({ id: campaign.body.id, name: 'Google Search' });
    const unassigned = await http().patch(`${ws}/phone-numbers/${number.id}`).set(bearer(s.accessToken)).send({ campaignId: null }).expect(200);
    expect(unassigned.body).toMatchObject({ label: 'Main line', campaign: null });
    expect((await http().get(`${ws}/campaigns`).set(bearer(s.accessToken))).body.items).toEqual([expect.objectContaining({ name: 'Google Search', numberCount: 0 })]);
    await http().patch(`${ws}/phone-numbers/${number.id}`).set(bearer(s.accessToken)).send({ campaignId: campaign.body.id }).expect(200);

    await http().delete(`${ws}/campaigns/${campaign.body.id}`).set(bearer(s.accessToken)).expect(204);
    const after = await http().get(`${ws}/phone-numbers`).set(bearer(s.accessToken)).expect(200);
    expect(after.body.items.find((n: { id: string }) => n.id === number.id).campaign).toBeNull();
    await http().delete(`${ws}/phone-numbers/${number.id}`).set(bearer(s.accessToken)).expect(204);
    expect((await http().get(`${ws}/phone-numbers`).set(bearer(s.accessToken))).body.items).toHaveLength(104);

    const agent = await memberWithRole(t.app, s.workspace.id, 'agent');
    await http().post(`${ws}/campaigns`).set(bearer(agent.token)).send({ name: 'Nope' }).expect(403);
    await http().get(`${ws}/phone-numbers`).set(bearer(agent.token)).expect(200);
  });

  it('should refuse to list Twilio numbers with a clear 422 before credentials are set', async () => {
    const s = await signup(t.app);
    const res = await http().get(`/api/v1/workspaces/${s.workspace.id}/twilio-numbers`).set(bearer(s.accessToken)).expect(422);
    expect(res.body.message).toContain('Account SID and Auth Token');
  });
});
