import type { InvitationView } from '@ringtonic/contracts';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, signup, uniqueEmail } from '../../test/factories/users.factory.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

// A real SMTP server on a local port: what nodemailer delivers lands in `inbox`. Recipients at
// refused.example.test are rejected at RCPT TO, the way a real server refuses a mailbox.
describe('invitations by SMTP (e2e)', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const inbox: Received[] = [];
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.endsWith('@refused.example.test')) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          inbox.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const { port } = smtp.server.address() as AddressInfo;
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'Ring Tonic <invites@ringtonic.test>' });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('should email the invitation with the accept link when SMTP_URL is set', async () => {
    const s = await signup(t.app, { name: 'Olivia Owner', workspaceName: 'Mail Co' });
    const email = uniqueEmail('mailed');
    const res = await http().post(`/api/v1/workspaces/${s.workspace.id}/invitations`).set(bearer(s.accessToken)).send({ email, role: 'manager' }).expect(201);
    const inv = res.body as InvitationView;
    expect(inv.delivery).toBe('email');

    const mail = inbox.find((m) => m.to.includes(email));
    expect(mail).toBeDefined();
    expect(mail!.from).toBe('invites@ringtonic.test');
    // Unfold quoted-printable soft line breaks before looking for the link.
    const body = mail!.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(body).toContain('Subject: Join Mail Co on Ring Tonic');
    expect(body).toContain('Olivia Owner invited you');
    expect(body).toContain('as manager');

    // The link goes to the invited address only: not to the inviter, not in the outbox list.
    expect(inv.acceptUrl).toBeNull();
    const outbox = (await http().get(`/api/v1/workspaces/${s.workspace.id}/invitations`).set(bearer(s.accessToken)).expect(200)).body.items as InvitationView[];
    expect(outbox).toEqual([expect.objectContaining({ id: inv.id, delivery: 'email', acceptUrl: null })]);

    // The emailed link works.
    const link = /http:\/\/localhost:3999\/invite\/([\w-]{40,})/.exec(body);
    expect(link).not.toBeNull();
    await http().get(`/api/v1/invitations/${link![1]}`).expect(200);
  });

  it('should keep the invitation in the outbox, with its link, when sending fails', async () => {
    const s = await signup(t.app);
    const email = `${uniqueEmail('bounced').split('@')[0]}@refused.example.test`;
    const before = inbox.length;
    const res = await http().post(`/api/v1/workspaces/${s.workspace.id}/invitations`).set(bearer(s.accessToken)).send({ email, role: 'agent' }).expect(201);
    expect(res.body).toMatchObject({ email, status: 'pending', delivery: 'outbox' });
    expect(inbox).toHaveLength(before);

    const outbox = (await http().get(`/api/v1/workspaces/${s.workspace.id}/invitations`).set(bearer(s.accessToken)).expect(200)).body.items as InvitationView[];
    expect(outbox).toEqual([expect.objectContaining({ id: res.body.id, delivery: 'outbox', acceptUrl: res.body.acceptUrl })]);
    expect(outbox[0]!.acceptUrl).toMatch(/\/invite\/[\w-]{40,}$/);
    await http().get(`/api/v1/invitations/${outbox[0]!.acceptUrl!.split('/invite/')[1]}`).expect(200);
  });
});
