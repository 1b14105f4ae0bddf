import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from './server.js';
import { control, twilioClient } from './test-support/control.js';

describe('startSandbox', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should restore seeded credentials and keep state across restarts with stateFile', async () => {
    const stateFile = join(dir, 'state.json');
    const seed = {
      accounts: [{
        accountSid: `AC${'a'.repeat(32)}`, authToken: 'b'.repeat(32), type: 'Trial' as const,
        numbers: ['+15550001234'], keys: [{ sid: `SK${'c'.repeat(32)}`, secret: 'd'.repeat(32) }],
      }],
    };
    const first = await startSandbox({ port: 0, stateFile, seed });
    const client = twilioClient(first.url, seed.accounts[0]!.accountSid, seed.accounts[0]!.authToken);
    const app = await client.applications.create({ friendlyName: 'Kept' });
    await first.stop();

    const second = await startSandbox({ port: 0, stateFile, seed });
    const again = twilioClient(second.url, seed.accounts[0]!.accountSid, seed.accounts[0]!.authToken);
    expect((await again.applications(app.sid).fetch()).friendlyName).toBe('Kept');
    expect((await again.api.v2010.accounts(seed.accounts[0]!.accountSid).fetch()).type).toBe('Trial');
    const viaKey = twilioClient(second.url, seed.accounts[0]!.keys[0]!.sid, seed.accounts[0]!.keys[0]!.secret, seed.accounts[0]!.accountSid);
    expect((await viaKey.incomingPhoneNumbers.list()).map((n) => n.phoneNumber)).toEqual(['+15550001234']);
    await second.stop();
  });

  it('should answer unknown Twilio paths with a 20404 error and serve the console', async () => {
    const sandbox = await startSandbox();
    const res = await fetch(`${sandbox.url}/2010-04-01/Nope.json`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 20404, status: 404, more_info: 'https://www.twilio.com/docs/errors/20404' });
    const page = await fetch(`${sandbox.url}/`);
    expect(await page.text()).toContain('caller console');
    await expect(control(sandbox.url, 'POST', '/sandbox/calls', { from: '+14155550100', to: '+14155559999' })).rejects.toThrow(/404/);
    await sandbox.stop();
  });
});
