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
});
