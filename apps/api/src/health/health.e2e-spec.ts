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
        '/api/v1/auth/signup',
        '/api/v1/auth/login',
        '/api/v1/me',
        '/api/v1/workspaces/{workspaceId}',
        '/api/v1/workspaces/{workspaceId}/members/{userId}',
        '/api/v1/workspaces/{workspaceId}/invitations',
        '/api/v1/workspaces/{workspaceId}/api-keys',
      ]),
    );
    // Request bodies come from the controllers' DTOs.
    expect(res.body.components.schemas.SignupDto.required).toEqual(expect.arrayContaining(['email', 'password', 'name', 'workspaceName']));
  });
});
