import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request, { type Response } from 'supertest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { contentSecurityPolicy } from './security-headers.js';

/** A built SPA as Vite leaves it: index.html and hashed assets. */
function tinyDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ringtonic-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/index-abc.js"></script></head><body><div id="root"></div></body></html>');
  writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log("app")');
  return dir;
}

function expectSecurityHeaders(res: Response, https = false): void {
  const csp = res.headers['content-security-policy'] as string;
  expect(csp).toBeDefined();
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  expect(directives['frame-ancestors']).toEqual(["'none'"]);
  expect(directives['script-src']).toEqual(["'self'"]);
  expect(directives['object-src']).toEqual(["'none'"]);
  expect(directives['default-src']).toEqual(["'self'"]);
  expect(directives['connect-src']).toEqual(expect.arrayContaining(["'self'", 'wss://*.twilio.com', 'https://*.twilio.com']));
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['x-powered-by']).toBeUndefined();
  if (https) {
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(directives['upgrade-insecure-requests']).toEqual([]);
  } else {
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(directives['upgrade-insecure-requests']).toBeUndefined();
  }
}

describe('Security headers on the SPA, the API and the API docs (e2e)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp({ WEB_DIST_DIR: tinyDist() });
  });
  afterAll(async () => t.close());

  it('should send them with the SPA index, a client-side route and an asset', async () => {
    const index = await http().get('/').set('Accept', 'text/html').expect(200);
    expect(index.text).toContain('<div id="root">');
    expectSecurityHeaders(index);
    // An invitation link: its token must not leak to another site through Referer.
    const route = await http().get('/invite/some-secret-token').set('Accept', 'text/html').expect(200);
    expect(route.text).toContain('<div id="root">');
    expectSecurityHeaders(route);
    expectSecurityHeaders(await http().get('/assets/index-abc.js').expect(200));
  });

  it('should send them with API answers, errors included', async () => {
    expectSecurityHeaders(await http().get('/api/health').expect(200));
    expectSecurityHeaders(await http().get('/api/v1/me').expect(401));
    expectSecurityHeaders(await http().post('/api/v1/auth/login').send({ email: 'nobody' }).expect(400));
  });

  it('should send them with Swagger UI, which works under the same policy', async () => {
    const docs = await http().get('/api/docs/').expect(200);
    expect(docs.text).not.toMatch(/<script>(?!\s*<\/script>)/); // only external scripts: no 'unsafe-inline' needed
    expectSecurityHeaders(docs);
  });

  it('should add HSTS and upgrade-insecure-requests only when PUBLIC_URL is https', async () => {
    const secure = await createTestApp({ PUBLIC_URL: 'https://dialer.example.com', WEB_DIST_DIR: tinyDist() });
    try {
      const server = secure.app.getHttpServer();
      expectSecurityHeaders(await request(server).get('/api/health').expect(200), true);
      expectSecurityHeaders(await request(server).get('/').set('Accept', 'text/html').expect(200), true);
    } finally {
      await secure.close();
    }
  });

  it('should let the browser reach the sandbox it dials through, when the sandbox is on', () => {
    const csp = contentSecurityPolicy({ publicUrl: 'http://localhost:3000', sandboxUrl: 'http://localhost:3001' });
    expect(csp['connect-src']).toEqual(expect.arrayContaining(['http://localhost:3001', 'ws://localhost:3001']));
    expect(contentSecurityPolicy({ publicUrl: 'https://d.example.com', sandboxUrl: null })['connect-src']).toEqual(["'self'", 'https://*.twilio.com', 'wss://*.twilio.com']);
  });
});
