import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, signup, uniqueEmail } from '../../test/factories/users.factory.js';

// One app per file: the log level is fixed at boot, and two apps in one Jest file share TypeORM's
// data source registry. The capture passes every write through so nothing waits on a swallowed one.
describe('invitation outbox in the log (e2e)', () => {
  let t: TestApp;
  const lines: string[] = [];
  const original = process.stdout.write.bind(process.stdout);

  beforeAll(async () => {
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      lines.push(String(chunk));
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
    t = await createTestApp({ LOG_LEVEL: 'log' });
  });
  afterAll(async () => {
    process.stdout.write = original;
    await t.close();
  });

  it('should print the accept link in the log when there is no SMTP (the outbox)', async () => {
    const s = await signup(t.app);
    const res = await request(t.app.getHttpServer())
      .post(`/api/v1/workspaces/${s.workspace.id}/invitations`)
      .set(bearer(s.accessToken))
      .send({ email: uniqueEmail('logged'), role: 'agent' })
      .expect(201);
    expect(res.body.acceptUrl).toMatch(/\/invite\//);
    expect(lines.join('')).toContain(res.body.acceptUrl);
  });
});
