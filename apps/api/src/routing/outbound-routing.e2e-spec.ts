import request from 'supertest';
import { DataSource } from 'typeorm';
import { mintVoiceToken } from '../telephony/voice-token.js';
import { voiceIdentity } from '../tokens/tokens.service.js';
import { WorkspaceService } from '../workspace/workspace.service.js';
import { agent, readyWorkspace, routingWorld, type RoutingWorld, sandboxCall, sandboxDevice, until } from '../../test/factories/routing.factory.js';
import { bearer } from '../../test/factories/users.factory.js';

describe('outbound calls from the browser (e2e)', () => {
  let w: RoutingWorld;
  const http = () => request(w.apps[0]!.app.getHttpServer());
  const logsTo = (to: string) => w.apps[0]!.app.get(DataSource).query(`SELECT * FROM call_logs WHERE to_e164 = $1`, [to]);

  beforeAll(async () => {
    w = await routingWorld(1);
  });
  afterAll(async () => w.close());

  async function deviceFor(workspaceId: string, token: string) {
    const voice = (await http().post(`/api/v1/workspaces/${workspaceId}/dialer/token`).set(bearer(token)).expect(200)).body.token as string;
    return sandboxDevice(w.sandbox, voice);
  }

  it('should dial a national-format number from the chosen tracking number, logging the call and its contact', async () => {
    const ws = await readyWorkspace(w.apps[0]!.app, w.sandbox);
    const a = await agent(w.apps[0]!.app, w.urls[0]!, ws.workspaceId, 'agent');
    const device = await deviceFor(ws.workspaceId, a.token);
    const leg = await device.connect({ To: '(212) 555-0100', CallerId: ws.trackingNumber });

    const child = await until(async () => {
      const c = await sandboxCall(w.sandbox, leg);
      const bridged = c.events.find((e) => e.type === 'bridged');
      return bridged ? c : null;
    }, 'callee answered and bridged');
    const dialVerb = child.events.find((e) => e.type === 'verb' && e.verb === 'Dial');
    expect(dialVerb).toBeTruthy();
    const [log] = await logsTo('+12125550100');
    expect(log).toMatchObject({ direction: 'outbound', from_e164: ws.trackingNumber, agent_user_id: a.userId, twilio_call_sid: leg });
    const [contact] = await w.apps[0]!.app.get(DataSource).query(`SELECT * FROM contacts WHERE id = $1`, [log.contact_id]);
    expect(contact).toMatchObject({ phone_e164: '+12125550100', source: 'call' });
    await until(async () => (await logsTo('+12125550100'))[0].status === 'in_progress', 'answered');

    device.hangup(leg);
    await until(async () => (await logsTo('+12125550100'))[0].status === 'completed', 'completed');

    // Smart caller ID remembers the number used with this contact.
    const sticky = await http().get(`/api/v1/workspaces/${ws.workspaceId}/dialer/caller-id`).query({ to: '212-555-0100' }).set(bearer(a.token)).expect(200);
    expect(sticky.body).toMatchObject({ e164: ws.trackingNumber, reason: 'sticky' });
    const first = await http().get(`/api/v1/workspaces/${ws.workspaceId}/dialer/caller-id`).query({ to: '+1 646 555 0199' }).set(bearer(a.token)).expect(200);
    expect(first.body.reason).toBe('first');
    device.close();
    a.socket?.close();
  });

  it("should refuse another workspace's number as caller ID", async () => {
    const mine = await readyWorkspace(w.apps[0]!.app, w.sandbox);
    const theirs = await readyWorkspace(w.apps[0]!.app, w.sandbox);
    const a = await agent(w.apps[0]!.app, w.urls[0]!, mine.workspaceId, 'agent');
    const device = await deviceFor(mine.workspaceId, a.token);
    const leg = await device.connect({ To: '+12125550111', CallerId: theirs.trackingNumber });
    const done = await until(async () => {
      const c = await sandboxCall(w.sandbox, leg);
      return c.status === 'completed' ? c : null;
    }, 'refused leg ended');
    expect(done.events.some((e) => e.type === 'verb' && e.verb === 'Dial')).toBe(false);
    expect(await logsTo('+12125550111')).toEqual([]);
    device.close();
    a.socket?.close();
  });

  it("should refuse a manager's identity even with a valid token", async () => {
    const ws = await readyWorkspace(w.apps[0]!.app, w.sandbox);
    const manager = await agent(w.apps[0]!.app, w.urls[0]!, ws.workspaceId, 'manager');
    await http().post(`/api/v1/workspaces/${ws.workspaceId}/dialer/token`).set(bearer(manager.token)).expect(403);
    const s = await w.apps[0]!.app.get(WorkspaceService).twilioCredentials(ws.workspaceId);
    const forged = mintVoiceToken({ accountSid: s.accountSid!, apiKeySid: s.apiKeySid!, apiKeySecret: s.apiKeySecret!, twimlAppSid: s.twimlAppSid!, identity: voiceIdentity(manager.userId), ttlSeconds: 600 });
    const device = await sandboxDevice(w.sandbox, forged);
    const leg = await device.connect({ To: '+12125550122', CallerId: ws.trackingNumber });
    const done = await until(async () => {
      const c = await sandboxCall(w.sandbox, leg);
      return c.status === 'completed' ? c : null;
    }, 'refused leg ended');
    expect(done.events.some((e) => e.type === 'verb' && e.verb === 'Dial')).toBe(false);
    expect(await logsTo('+12125550122')).toEqual([]);
    device.close();
    manager.socket?.close();
  });

  it('should speak an error and hang up for an invalid number', async () => {
    const ws = await readyWorkspace(w.apps[0]!.app, w.sandbox);
    const a = await agent(w.apps[0]!.app, w.urls[0]!, ws.workspaceId, 'agent');
    const device = await deviceFor(ws.workspaceId, a.token);
    const leg = await device.connect({ To: '12', CallerId: ws.trackingNumber });
    const done = await until(async () => {
      const c = await sandboxCall(w.sandbox, leg);
      return c.status === 'completed' ? c : null;
    }, 'leg ended');
    expect(done.events.some((e) => e.type === 'verb' && e.verb === 'Say')).toBe(true);
    expect(done.events.some((e) => e.type === 'verb' && e.verb === 'Dial')).toBe(false);
    device.close();
    a.socket?.close();
  });
});
