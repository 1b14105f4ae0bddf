import { SandboxRequestClient } from '@ringtonic/sandbox';
import twilio from 'twilio';
import { loadConfig } from '../config/app-config.js';
import { TwilioClientFactory } from './twilio-client.factory.js';

const ENV = { DATABASE_URL: 'postgres://u:p@localhost:5432/db', PUBLIC_URL: 'https://dialer.example.com', ENCRYPTION_KEY: 'a'.repeat(64), DATA_DIR: '/tmp/ringtonic-config-test' };
const CREDS = { accountSid: 'AC' + '1'.repeat(32), authToken: '2'.repeat(32) };

// main.ts hands the factory the sandbox URL only while the sandbox runs (SANDBOX unset or "on").
describe('Twilio client factory: sandbox or the real Twilio', () => {
  it('should turn the sandbox off with SANDBOX=off and keep it on by default', () => {
    expect(loadConfig({ ...ENV, SANDBOX: 'off' }).sandbox.enabled).toBe(false);
    expect(loadConfig(ENV).sandbox.enabled).toBe(true);
  });

  it('should build stock twilio clients (no httpClient hook) and say "twilio" when there is no sandbox', () => {
    const factory = new TwilioClientFactory({ sandboxUrl: null });
    expect(factory.provider).toBe('twilio');
    const client = factory.create(CREDS);
    expect((client as unknown as { opts: { httpClient?: unknown } }).opts.httpClient).toBeUndefined();
    expect(client.httpClient).toBeInstanceOf(twilio.RequestClient);
    expect(client.httpClient).not.toBeInstanceOf(SandboxRequestClient);
    const apiKeyClient = factory.create({ accountSid: CREDS.accountSid, apiKeySid: 'SK' + '3'.repeat(32), apiKeySecret: 'secret' });
    expect(apiKeyClient.httpClient).not.toBeInstanceOf(SandboxRequestClient);
    expect(apiKeyClient.accountSid).toBe(CREDS.accountSid);
  });

  it('should route every client through the sandbox hook and say "sandbox" when the sandbox runs', () => {
    const factory = new TwilioClientFactory({ sandboxUrl: 'http://localhost:3001' });
    expect(factory.provider).toBe('sandbox');
    expect(factory.create(CREDS).httpClient).toBeInstanceOf(SandboxRequestClient);
  });
});
