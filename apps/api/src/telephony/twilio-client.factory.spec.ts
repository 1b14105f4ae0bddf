import { SandboxRequestClient } from '@ringtonic/sandbox';
import twilio from 'twilio';
import { loadConfig } from '../config/app-config.js';
import { TwilioClientFactory } from './twilio-client.factory.js';

const ENV = { DATABASE_URL: 'postgres://u:p@localhost:5432/db', PUBLIC_URL: 'https://dialer.example.com', ENCRYPTION_KEY: 'a'.repeat(64), DATA_DIR: '/tmp/ringtonic-config-test' };
const CREDS = { accountSid: 'AC' + '1'.repeat(32), authToken: '2'.repeat(32) };

// Unit checks of the two halves only: the config's SANDBOX switch, and the factory given a sandbox
// URL or null. The wiring between them (main.ts starts the sandbox and passes its URL only when
// config.sandbox.enabled) is not exercised here.
describe('SANDBOX switch and the Twilio client factory (units)', () => {
  it('should read SANDBOX=off as sandbox.enabled false, and leave it true when unset', () => {
    expect(loadConfig({ ...ENV, SANDBOX: 'off' }).sandbox.enabled).toBe(false);
    expect(loadConfig(ENV).sandbox.enabled).toBe(true);
  });

  it('should build stock twilio clients (no httpClient hook) and say "twilio" when given no sandbox URL', () => {
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

  it('should route every client through the sandbox hook and say "sandbox" when given a sandbox URL', () => {
    const factory = new TwilioClientFactory({ sandboxUrl: 'http://localhost:3001' });
    expect(factory.provider).toBe('sandbox');
    expect(factory.create(CREDS).httpClient).toBeInstanceOf(SandboxRequestClient);
  });
});
