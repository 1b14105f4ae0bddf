import type { INestApplication } from '@nestjs/common';
import type { Role, SignupResponse } from '@ringtonic/contracts';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { UsersService } from '../../src/users/users.service.js';
import { WorkspaceService } from '../../src/workspace/workspace.service.js';

export const PASSWORD = 'correct horse battery';

export const uniqueEmail = (label = 'user') => `${label}-${randomUUID().slice(0, 8)}@example.test`;

export interface SignedUp extends SignupResponse {
  cookie: string;
  password: string;
}

/** A new account and workspace through the real signup endpoint. */
export async function signup(app: INestApplication, overrides: Partial<{ email: string; name: string; workspaceName: string }> = {}): Promise<SignedUp> {
  const body = {
    email: overrides.email ?? uniqueEmail('owner'),
    password: PASSWORD,
    name: overrides.name ?? 'Test Owner',
    workspaceName: overrides.workspaceName ?? `WS ${randomUUID().slice(0, 6)}`,
  };
  const res = await request(app.getHttpServer()).post('/api/v1/auth/signup').send(body).expect(201);
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0] ?? '';
  return { ...(res.body as SignupResponse), cookie: cookie.split(';')[0]!, password: PASSWORD };
}

/** A user with `role` in the workspace (added directly: invitations have their own tests) and a token. */
export async function memberWithRole(app: INestApplication, workspaceId: string, role: Role): Promise<{ token: string; userId: string; email: string }> {
  const email = uniqueEmail(role);
  const user = await app.get(UsersService).create({ email, name: `Test ${role}`, password: PASSWORD });
  await app.get(WorkspaceService).addMember(workspaceId, user.id, role);
  const res = await request(app.getHttpServer()).post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);
  return { token: (res.body as { accessToken: string }).accessToken, userId: user.id, email };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
