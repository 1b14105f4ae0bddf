import { jest } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../../test/test-app.js';

describe('health and OpenAPI (e2e)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('should answer 200 with the database reachable, without authentication', async () => {
    const res = await http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('should answer 503 when the database does not answer, and 200 again once it does', async () => {
    // Only the health probe's query fails: the shared database and every other query are untouched.
    const db = t.app.get(DataSource);
    const real = db.query.bind(db);
    const spy = jest.spyOn(db, 'query').mockImplementation(((sql: string, ...rest: unknown[]) =>
      sql.trim() === 'SELECT 1' ? Promise.reject(new Error('connection refused')) : (real as (...a: unknown[]) => Promise<unknown>)(sql, ...rest)) as typeof db.query);
    try {
      const res = await http().get('/api/health').expect(503);
      expect(res.body).toEqual({ status: 'degraded', database: 'down' });
      expect(spy).toHaveBeenCalledWith('SELECT 1');
    } finally {
      spy.mockRestore();
    }
    await http().get('/api/health').expect(200);
  });

  /** Only the probes' `SELECT 1` fails (or hangs): the shared database and every other query are untouched. */
  const probeFails = (how: () => Promise<unknown>) => {
    const db = t.app.get(DataSource);
    const real = db.query.bind(db);
    return jest.spyOn(db, 'query').mockImplementation(((sql: string, ...rest: unknown[]) =>
      sql.trim() === 'SELECT 1' ? how() : (real as (...a: unknown[]) => Promise<unknown>)(sql, ...rest)) as typeof db.query);
  };

  it('should answer readiness 200 with the database reachable and 503 while it is not, liveness 200 throughout', async () => {
    expect((await http().get('/api/health/ready').expect(200)).body).toEqual({ status: 'ok', database: 'up' });
    expect((await http().get('/api/health/live').expect(200)).body).toEqual({ status: 'ok' });
    const spy = probeFails(() => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })));
    try {
      expect((await http().get('/api/health/ready').expect(503)).body).toEqual({ status: 'degraded', database: 'down' });
      expect((await http().get('/api/health').expect(503)).body).toEqual({ status: 'degraded', database: 'down' });
      expect((await http().get('/api/health/live').expect(200)).body).toEqual({ status: 'ok' });
    } finally {
      spy.mockRestore();
    }
    await http().get('/api/health/ready').expect(200);
  });

  it('should answer readiness 503 within about 2 s when the database does not answer at all', async () => {
    const spy = probeFails(() => new Promise(() => undefined)); // a blackholed connection
    try {
      const started = Date.now();
      expect((await http().get('/api/health/ready').expect(503)).body).toEqual({ status: 'degraded', database: 'down' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
      expect(Date.now() - started).toBeLessThan(4_000);
      await http().get('/api/health/live').expect(200);
    } finally {
      spy.mockRestore();
    }
  });

  it('should serve the OpenAPI UI at /api/docs', async () => {
    const res = await http().get('/api/docs').redirects(1).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('swagger-ui');
  });

  it('should serve the OpenAPI document at /api/docs-json with the documented paths', async () => {
    const res = await http().get('/api/docs-json').expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.info.title).toBe('Ring Tonic Browser Dialer API');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/health/ready',
        '/api/health/live',
        '/api/v1/auth/signup',
        '/api/v1/auth/login',
        '/api/v1/me',
        '/api/v1/workspaces/{workspaceId}',
        '/api/v1/workspaces/{workspaceId}/members/{userId}',
        '/api/v1/workspaces/{workspaceId}/invitations',
        '/api/v1/workspaces/{workspaceId}/api-keys',
      ]),
    );
    expect(res.body.paths['/api/health/ready'].get.responses).toHaveProperty('503');
    // Request bodies come from the controllers' DTOs.
    expect(res.body.components.schemas.SignupDto.required).toEqual(expect.arrayContaining(['email', 'password', 'name', 'workspaceName']));
  });
});
