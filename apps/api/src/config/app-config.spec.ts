import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('should give the seed defaults for an empty environment', () => {
    const sut = loadConfig({});
    expect(sut).toMatchObject({
      port: 3000,
      sandbox: { enabled: true, port: 3001 },
      dataDir: '.data',
      databaseUrl: null,
      publicUrl: 'http://localhost:3000',
      heartbeatSeconds: 30,
      offlineAfterSeconds: 120,
      autoAwaySeconds: 600,
    });
  });

  it('should list every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', ENCRYPTION_KEY: 'short', SANDBOX: 'maybe', HEARTBEAT_SECONDS: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'ENCRYPTION_KEY', 'SANDBOX', 'HEARTBEAT_SECONDS']) expect(problems).toContain(name);
  });

  it('should strip a trailing slash from PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://dialer.example.com/' }).publicUrl).toBe('https://dialer.example.com');
  });

  it('should believe only a proxy on this host by default, and take TRUST_PROXY as Express does', () => {
    expect(loadConfig({}).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '' }).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: 'uniquelocal' }).trustProxy).toBe('uniquelocal');
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::1' }).trustProxy).toBe('loopback, 10.0.0.0/8, fd00::1');
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '192.168.0.0/16,::1/128' }).trustProxy).toBe('192.168.0.0/16,::1/128');
  });

  it('should refuse a TRUST_PROXY Express would not understand', () => {
    for (const bad of ['yes', 'loopback;10.0.0.1', 'everyone', '10.0.0.0/8,', '999.1.1.1', '10.0.0.0/33', 'loopback/8', '::1/129']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY must be a hop count/);
    }
  });

  it('should seed the demo only with the sandbox by default, and refuse it with real Twilio', () => {
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: '' }).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'off' }).seedDemo).toBe(false);
    expect(loadConfig({ SANDBOX: 'off' }).seedDemo).toBe(false);
    expect(loadConfig({ SANDBOX: 'off', SEED_DEMO: '' }).seedDemo).toBe(false);
    expect(loadConfig({ SANDBOX: 'off', SEED_DEMO: 'off' }).seedDemo).toBe(false);
    let error: unknown;
    try {
      loadConfig({ SANDBOX: 'off', SEED_DEMO: 'on', PORT: 'abc' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^SEED_DEMO: .*refused with real Twilio \(SANDBOX=off\)/), expect.stringMatching(/^PORT/)]));
  });
});
