import twilio from 'twilio';
import { startSandbox, type Sandbox } from '../server.js';
import { control, twilioClient } from '../test-support/control.js';

describe('Twilio REST through the unmodified twilio library', () => {
  let sandbox: Sandbox;
  let accountSid: string;
  let authToken: string;
  let client: twilio.Twilio;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(async () => {
    await sandbox.stop();
  });
  beforeEach(async () => {
    sandbox.reset();
    ({ accountSid, authToken } = await control<{ accountSid: string; authToken: string }>(sandbox.url, 'POST', '/sandbox/accounts', { type: 'Trial', friendlyName: 'Demo' }));
    client = twilioClient(sandbox.url, accountSid, authToken);
  });

  it('should fetch the account with its type and status', async () => {
    const account = await client.api.v2010.accounts(accountSid).fetch();
    expect(account.sid).toBe(accountSid);
    expect(account.type).toBe('Trial');
    expect(account.status).toBe('active');
    expect(account.friendlyName).toBe('Demo');
    expect(account.dateCreated).toBeInstanceOf(Date);
  });

  it('should reject bad credentials with 20003', async () => {
    const bad = twilioClient(sandbox.url, accountSid, '0'.repeat(32));
    await expect(bad.api.v2010.accounts(accountSid).fetch()).rejects.toMatchObject({ status: 401, code: 20003 });
  });

  it('should create a key whose secret authenticates, but a standard key cannot fetch the account', async () => {
    const key = await client.newKeys.create({ friendlyName: 'dialer' });
    expect(key.sid).toMatch(/^SK[0-9a-f]{32}$/);
    expect(key.secret).toHaveLength(32);
    const viaKey = twilioClient(sandbox.url, key.sid, key.secret, accountSid);
    const apps = await viaKey.applications.list();
    expect(apps).toEqual([]);
    await expect(viaKey.api.v2010.accounts(accountSid).fetch()).rejects.toMatchObject({ status: 401, code: 20003 });
    const listed = await client.keys.list();
    expect(listed.map((k) => k.sid)).toEqual([key.sid]);
    await client.keys(key.sid).remove();
    await expect(viaKey.applications.list()).rejects.toMatchObject({ code: 20003 });
  });

  it('should refuse a key of another account', async () => {
    const other = await control<{ accountSid: string }>(sandbox.url, 'POST', '/sandbox/accounts', {});
    const key = await control<{ sid: string; secret: string }>(sandbox.url, 'POST', `/sandbox/accounts/${other.accountSid}/keys`, {});
    const wrong = twilioClient(sandbox.url, key.sid, key.secret, accountSid);
    await expect(wrong.applications.list()).rejects.toMatchObject({ status: 401, code: 20003 });
  });

  it('should create, fetch, filter, update and delete applications', async () => {
    const app = await client.applications.create({ friendlyName: 'Ring Tonic', voiceUrl: 'https://x.test/voice', voiceMethod: 'POST', statusCallback: 'https://x.test/status' });
    expect(app.sid).toMatch(/^AP[0-9a-f]{32}$/);
    await client.applications.create({ friendlyName: 'Other' });
    const fetched = await client.applications(app.sid).fetch();
    expect(fetched.voiceUrl).toBe('https://x.test/voice');
    expect(fetched.statusCallback).toBe('https://x.test/status');
    const filtered = await client.applications.list({ friendlyName: 'Ring Tonic' });
    expect(filtered.map((a) => a.sid)).toEqual([app.sid]);
    const updated = await client.applications(app.sid).update({ voiceUrl: 'https://x.test/v2' });
    expect(updated.voiceUrl).toBe('https://x.test/v2');
    expect(await client.applications(app.sid).remove()).toBe(true);
    await expect(client.applications(app.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  });

  it('should page incoming numbers through next_page_uri and update one', async () => {
    for (let i = 0; i < 60; i++) {
      await control(sandbox.url, 'POST', `/sandbox/accounts/${accountSid}/numbers`, { e164: `+1415555${String(1000 + i)}` });
    }
    const page = await client.incomingPhoneNumbers.page({ pageSize: 20 });
    expect(page.instances).toHaveLength(20);
    expect(page.nextPageUrl).toContain('PageToken=PA');
    const all = await client.incomingPhoneNumbers.list({ pageSize: 20 });
    expect(all).toHaveLength(60);
    expect(new Set(all.map((n) => n.phoneNumber)).size).toBe(60);
    const app = await client.applications.create({ friendlyName: 'App' });
    const target = all[42]!;
    const updated = await client.incomingPhoneNumbers(target.sid).update({
      voiceUrl: 'https://x.test/inbound', statusCallback: 'https://x.test/status', voiceApplicationSid: app.sid,
    });
    expect(updated.voiceUrl).toBe('https://x.test/inbound');
    expect(updated.voiceApplicationSid).toBe(app.sid);
    const byNumber = await client.incomingPhoneNumbers.list({ phoneNumber: target.phoneNumber });
    expect(byNumber.map((n) => n.sid)).toEqual([target.sid]);
  });

  it('should answer raw list pages with Twilio paging metadata', async () => {
    for (let i = 0; i < 3; i++) await control(sandbox.url, 'POST', `/sandbox/accounts/${accountSid}/numbers`, {});
    const res = await fetch(`${sandbox.url}/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers.json?PageSize=2`, {
      headers: { Authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}` },
    });
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ page: 0, page_size: 2, start: 0, end: 1, previous_page_uri: null });
    expect(String(body.next_page_uri)).toMatch(new RegExp(`^/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers.json\\?PageSize=2&Page=1&PageToken=PAPN`));
    expect(String(body.first_page_uri)).toBe(`/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers.json?PageSize=2&Page=0`);
    expect((body.incoming_phone_numbers as unknown[]).length).toBe(2);
  });

  it('should look up a deterministic caller name', async () => {
    await control(sandbox.url, 'PUT', '/sandbox/phones/+14155550199', { callerName: 'PAT EXAMPLE' });
    const named = await client.lookups.v2.phoneNumbers('+14155550199').fetch({ fields: 'caller_name' });
    expect(named.callerName).toMatchObject({ callerName: 'PAT EXAMPLE' });
    expect(named.valid).toBe(true);
    const none = await client.lookups.v2.phoneNumbers('+14155550100').fetch({ fields: 'caller_name' });
    expect(none.callerName).toMatchObject({ callerName: null });
    const again = await client.lookups.v2.phoneNumbers('+14155550177').fetch({ fields: 'caller_name' });
    const twice = await client.lookups.v2.phoneNumbers('+14155550177').fetch({ fields: 'caller_name' });
    expect(again.callerName).toEqual(twice.callerName);
  });
});
