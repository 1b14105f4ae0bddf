import { Logger } from '@nestjs/common';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, signup, uniqueEmail } from '../../test/factories/users.factory.js';

// One app per file: the log level is fixed at boot, and two apps in one Jest file share TypeORM's
// data source registry. The capture passes every write through so nothing waits on a swallowed one.
describe('invitation outbox in the log (e2e)', () => {
  let t: TestApp;
  const lines: string[] = [];
  const streams = [process.stdout, process.stderr] as const;
  const originals = streams.map((stream) => stream.write.bind(stream));

  beforeAll(async () => {
    streams.forEach((stream, i) => {
      stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        lines.push(String(chunk));
        return (originals[i] as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
    });
    t = await createTestApp({ LOG_LEVEL: 'log' });
  });
  afterAll(async () => {
    streams.forEach((stream, i) => (stream.write = originals[i]!));
    await t.close();
  });

  it('should log that an invitation waits in the outbox, never its link', async () => {
    const s = await signup(t.app);
    const email = uniqueEmail('logged');
    const res = await request(t.app.getHttpServer())
      .post(`/api/v1/workspaces/${s.workspace.id}/invitations`)
      .set(bearer(s.accessToken))
      .send({ email, role: 'agent' })
      .expect(201);
    expect(res.body.acceptUrl).toMatch(/\/invite\//);
    const token = (res.body.acceptUrl as string).split('/invite/')[1]!;
    await request(t.app.getHttpServer()).get(`/api/v1/invitations/${token}`).expect(200);
    await request(t.app.getHttpServer()).post(`/api/v1/invitations/${token}/accept`).send({ name: 'New', password: 'short' }).expect(400);

    // Anything that logs a URL (an error on the accept route, say) has the token masked.
    new Logger('Probe').error(`POST /api/v1/invitations/${token}/accept failed; link ${res.body.acceptUrl}`);
    const log = lines.join('');
    expect(log).toContain(`Invitation for ${email}`);
    expect(log).toContain('/api/v1/invitations/[redacted]/accept');
    expect(log).not.toContain(token);
  });
});
