import request from 'supertest';
import { DataSource } from 'typeorm';
import { expectedTwilioSignature } from '../telephony/twilio-signature.js';
import { agent, type Agent, readyWorkspace, type ReadyWorkspace, routingWorld, type RoutingWorld, sandboxCall, sandboxPost, until } from '../../test/factories/routing.factory.js';
import { type SandboxAccount, sandboxAccount } from '../../test/factories/sandbox.factory.js';
import { nextEvent } from '../../test/factories/sockets.factory.js';
import { bearer, signup } from '../../test/factories/users.factory.js';

const CALLER = '+14155550166';
const WRONG_TOKEN = 'f'.repeat(32);
const TABLES = ['call_logs', 'contacts', 'ringing_calls', 'call_offers'];
const sid = (prefix: string) => prefix + [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Issue 12, attack 1: a free workspace (B, C) going after another's (A's) Twilio account. Saving A's
 * Account SID is refused whatever the token; webhooks for A's number or naming A's call that are
 * not signed by A's own account are 403 and change nothing; A's real calls work throughout.
 */
describe('tenant telephony: one Twilio account per workspace, webhooks scoped to it (e2e)', () => {
  let w: RoutingWorld;
  let a: ReadyWorkspace;
  let b: ReadyWorkspace;
  const http = () => request(w.apps[0]!.app.getHttpServer());
  const db = () => w.apps[0]!.app.get(DataSource);
  const publicUrl = () => w.apps[0]!.config.publicUrl;
  const rowOf = async (workspaceId: string) => (await db().query(`SELECT w::text AS row FROM workspaces w WHERE id = $1`, [workspaceId]))[0].row as string;
  /** Every row of the tables a webhook writes, in every workspace: equal before and after = nothing changed. */
  const snapshot = async () => {
    const out: Record<string, unknown> = {};
    for (const table of TABLES) out[table] = (await db().query(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h, count(*)::int AS n FROM ${table} t`))[0];
    return out;
  };
  const forge = (token: string, path: string, params: Record<string, string>) =>
    http().post(path).set('X-Twilio-Signature', expectedTwilioSignature(token, `${publicUrl()}${path}`, params)).type('form').send(params);

  /** A real call through the sandbox to A's number reaches A: logged in A, signed by A's account. */
  async function aCallWorks(): Promise<void> {
    const { callSid } = await sandboxPost<{ callSid: string }>(w.sandbox, '/sandbox/calls', { from: CALLER, to: a.trackingNumber });
    await until(async () => (await db().query(`SELECT 1 FROM call_logs WHERE twilio_call_sid = $1 AND workspace_id = $2`, [callSid, a.workspaceId]))[0], "A's call logged in A");
    await sandboxPost(w.sandbox, `/sandbox/calls/${callSid}/hangup`);
    await until(async () => (await db().query(`SELECT 1 FROM call_logs WHERE twilio_call_sid = $1 AND ended_at IS NOT NULL`, [callSid]))[0], "A's call ended by its own status callback");
  }

  beforeAll(async () => {
    w = await routingWorld(1);
    a = await readyWorkspace(w.apps[0]!.app, w.sandbox);
    b = await readyWorkspace(w.apps[0]!.app, w.sandbox);
  });
  afterAll(async () => w.close());

  describe("saving another workspace's Account SID", () => {
    it.each([
      ['a wrong token', () => WRONG_TOKEN, 422, 'TWILIO_REJECTED'],
      ["A's real (leaked) token", () => a.account.authToken, 409, 'TWILIO_ACCOUNT_TAKEN'],
    ])("should refuse a new workspace saving A's Account SID with %s, leaving A's row and calls alone", async (_label, token, status, code) => {
      const c = await signup(w.apps[0]!.app);
      const before = await rowOf(a.workspaceId);
      const res = await http().patch(`/api/v1/workspaces/${c.workspace.id}`).set(bearer(c.accessToken)).send({ twilio: { accountSid: a.account.accountSid, authToken: token() } });
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      if (code === 'TWILIO_ACCOUNT_TAKEN') expect(res.body.message).toMatch(/one Twilio account per workspace.*subaccount/i);
      else expect(res.body.message).toContain('Twilio error 20003');
      expect(res.text).not.toContain(a.account.authToken);
      expect(await db().query(`SELECT twilio_account_sid, twilio_auth_token_enc FROM workspaces WHERE id = $1`, [c.workspace.id])).toEqual([{ twilio_account_sid: null, twilio_auth_token_enc: null }]);
      expect(await rowOf(a.workspaceId)).toBe(before);
      await aCallWorks();
    });

    it("should refuse a workspace with its own account switching to A's Account SID, keeping its own", async () => {
      const before = { a: await rowOf(a.workspaceId), b: await rowOf(b.workspaceId) };
      const res = await http().patch(`/api/v1/workspaces/${b.workspaceId}`).set(bearer(b.ownerToken)).send({ twilio: { accountSid: a.account.accountSid.toUpperCase(), authToken: a.account.authToken } });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('TWILIO_ACCOUNT_TAKEN');
      expect({ a: await rowOf(a.workspaceId), b: await rowOf(b.workspaceId) }).toEqual(before);
      await aCallWorks();
    });

    it("should refuse a wrong Account SID / Auth Token pair with Twilio's error and store nothing", async () => {
      const fresh = await sandboxAccount(w.sandbox);
      const c = await signup(w.apps[0]!.app);
      const ws = `/api/v1/workspaces/${c.workspace.id}`;
      const before = await rowOf(c.workspace.id);
      const res = await http().patch(ws).set(bearer(c.accessToken)).send({ name: 'Not saved', twilio: { accountSid: fresh.accountSid, authToken: WRONG_TOKEN } });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'TWILIO_REJECTED', message: expect.stringContaining('Twilio error 20003: Authenticate') });
      expect(await rowOf(c.workspace.id)).toBe(before);
      // The right pair is verified and kept, with the account type Twilio reported.
      const ok = await http().patch(ws).set(bearer(c.accessToken)).send({ twilio: { accountSid: fresh.accountSid, authToken: fresh.authToken } }).expect(200);
      expect(ok.body.twilio).toEqual({ accountSid: fresh.accountSid, authTokenSet: true, accountType: 'Full' });
    });
  });

  describe('claiming an account atomically', () => {
    it('should give a fresh account to exactly one of five workspaces saving it at once with the right token', async () => {
      const fresh = await sandboxAccount(w.sandbox);
      const racers = await Promise.all(Array.from({ length: 5 }, () => signup(w.apps[0]!.app)));
      const saves = await Promise.all(
        racers.map((r) => http().patch(`/api/v1/workspaces/${r.workspace.id}`).set(bearer(r.accessToken)).send({ twilio: { accountSid: fresh.accountSid, authToken: fresh.authToken } })),
      );
      expect(saves.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
      for (const r of saves.filter((x) => x.status === 409)) expect(r.body.code).toBe('TWILIO_ACCOUNT_TAKEN');
      expect(await db().query(`SELECT count(*)::int AS n FROM workspaces WHERE twilio_account_sid = $1`, [fresh.accountSid])).toEqual([{ n: 1 }]);
    });

    it('should release a holder from before verification (it never proved the token) when a workspace verifies the account', async () => {
      const fresh = await sandboxAccount(w.sandbox);
      const legacy = await signup(w.apps[0]!.app);
      await db().query(`UPDATE workspaces SET twilio_account_sid = $2, twilio_auth_token_enc = NULL, twilio_account_verified_at = NULL WHERE id = $1`, [legacy.workspace.id, fresh.accountSid]);
      const owner = await signup(w.apps[0]!.app);
      await http().patch(`/api/v1/workspaces/${owner.workspace.id}`).set(bearer(owner.accessToken)).send({ twilio: { accountSid: fresh.accountSid, authToken: fresh.authToken } }).expect(200);
      const released = await http().get(`/api/v1/workspaces/${legacy.workspace.id}`).set(bearer(legacy.accessToken)).expect(200);
      expect(released.body.twilio).toMatchObject({ accountSid: null, authTokenSet: false });
      expect(released.body.dialer.statusMessage).toContain('one Twilio account per workspace');
    });
  });

  describe("webhooks for A's number", () => {
    const inbound = (accountSid: string) => ({ AccountSid: accountSid, CallSid: sid('CA'), From: '+14155550167', To: a.trackingNumber, Called: a.trackingNumber, Direction: 'inbound', CallStatus: 'ringing', ApiVersion: '2010-04-01' });
    it.each([
      ["A's Account SID signed with a token someone saved for it", () => a.account.accountSid, () => WRONG_TOKEN],
      ["A's Account SID signed with B's token", () => a.account.accountSid, () => b.account.authToken],
      ["B's own account (correctly signed by B)", () => b.account.accountSid, () => b.account.authToken],
      ['an account nobody holds', () => sid('AC'), () => WRONG_TOKEN],
    ])('should answer 403 and write no row anywhere for %s', async (_label, accountSid, token) => {
      // The first attacker has tried to take A's account over with their own token first.
      const c = await signup(w.apps[0]!.app);
      await http().patch(`/api/v1/workspaces/${c.workspace.id}`).set(bearer(c.accessToken)).send({ twilio: { accountSid: a.account.accountSid, authToken: WRONG_TOKEN } });
      const before = await snapshot();
      const res = await forge(token(), '/webhooks/twilio/voice/inbound', inbound(accountSid()));
      expect(res.status).toBe(403);
      expect(res.text).not.toContain('<Response');
      expect(await snapshot()).toEqual(before);
      await aCallWorks();
    });
  });

  describe("callbacks naming A's call, signed by B's account", () => {
    let ringing: { callSid: string; callLogId: string };
    let aAgent: Agent;
    let aApp: string;

    beforeAll(async () => {
      aAgent = await agent(w.apps[0]!.app, w.urls[0]!, a.workspaceId, 'agent');
      const ring = nextEvent(aAgent.socket!, 'call.ringing');
      // A caller without a CNAM name: no later re-ring changes the row while the attacks run.
      const { callSid } = await sandboxPost<{ callSid: string }>(w.sandbox, '/sandbox/calls', { from: '+14155550162', to: a.trackingNumber });
      ringing = { callSid, callLogId: (await ring).callId };
      aApp = (await db().query(`SELECT twiml_app_sid FROM workspaces WHERE id = $1`, [a.workspaceId]))[0].twiml_app_sid;
    });
    afterAll(async () => {
      await sandboxPost(w.sandbox, `/sandbox/calls/${ringing.callSid}/hangup`).catch(() => undefined); // already ended by the last test
      aAgent.socket?.close();
    });

    const identity = (userId: string) => `client:agent_${userId.replace(/-/g, '')}`;
    const cases: Array<[string, () => string, () => Record<string, string>]> = [
      ['status of its CallSid', () => '/webhooks/twilio/voice/status', () => ({ CallSid: ringing.callSid, CallStatus: 'completed', CallDuration: '1', SequenceNumber: '9' })],
      ['status of a child leg of it', () => '/webhooks/twilio/voice/status', () => ({ CallSid: sid('CA'), ParentCallSid: ringing.callSid, CallStatus: 'completed', DialCallDuration: '3' })],
      ['conference end of its conference', () => '/webhooks/twilio/voice/conference', () => ({ FriendlyName: `call-${ringing.callLogId}`, ConferenceSid: sid('CF'), StatusCallbackEvent: 'conference-end', CallSid: ringing.callSid })],
      ['conference participant-leave', () => '/webhooks/twilio/voice/conference', () => ({ FriendlyName: `call-${ringing.callLogId}`, ConferenceSid: sid('CF'), StatusCallbackEvent: 'participant-leave', CallSid: sid('CA') })],
      ['recording by call log id in the URL', () => `/webhooks/twilio/voice/recording?callLogId=${ringing.callLogId}`, () => ({ RecordingSid: sid('RE'), RecordingUrl: `${w.sandbox.url}/x`, RecordingStatus: 'completed', RecordingDuration: '4' })],
      ['recording by its CallSid', () => '/webhooks/twilio/voice/recording', () => ({ CallSid: ringing.callSid, RecordingSid: sid('RE'), RecordingUrl: `${w.sandbox.url}/x`, RecordingStatus: 'completed', RecordingDuration: '4' })],
      ['voicemail of its CallSid', () => '/webhooks/twilio/voice/voicemail', () => ({ CallSid: ringing.callSid, RecordingSid: sid('RE'), RecordingUrl: `${w.sandbox.url}/x`, RecordingDuration: '4' })],
      ["whisper naming A's workspace", () => `/webhooks/twilio/voice/whisper?workspaceId=${a.workspaceId}`, () => ({ CallSid: sid('CA'), ParentCallSid: ringing.callSid, CallStatus: 'in-progress' })],
      ["client answering it as A's agent", () => '/webhooks/twilio/voice/client', () => ({ CallSid: sid('CA'), ApplicationSid: aApp, From: identity(aAgent.userId), answerCallId: ringing.callLogId, Direction: 'inbound' })],
    ];

    it.each(cases)('should answer 403 to a %s and leave A unchanged', async (_label, path, params) => {
      const before = await snapshot();
      const res = await forge(b.account.authToken, path(), { AccountSid: b.account.accountSid, ...params() });
      expect(res.status).toBe(403);
      expect(await snapshot()).toEqual(before);
      expect((await db().query(`SELECT state FROM ringing_calls WHERE call_log_id = $1`, [ringing.callLogId]))[0]).toEqual({ state: 'ringing' });
      expect((await sandboxCall(w.sandbox, ringing.callSid)).status).toBe('in-progress');
    });

    it("should still end A's call through A's own signed callbacks", async () => {
      const ended = nextEvent(aAgent.socket!, 'call.ended');
      await sandboxPost(w.sandbox, `/sandbox/calls/${ringing.callSid}/hangup`);
      expect(await ended).toEqual({ callId: ringing.callLogId, reason: 'caller_hung_up' });
      await until(async () => (await db().query(`SELECT status FROM call_logs WHERE id = $1`, [ringing.callLogId]))[0]?.status === 'missed', 'log missed');
    });
  });
});
