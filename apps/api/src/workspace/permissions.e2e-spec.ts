import { Controller, Get } from '@nestjs/common';
import { PERMISSIONS, type Permission, type PermissionToggles, ROLES, type Role } from '@ringtonic/contracts';
import request from 'supertest';
import { RequirePermission, WorkspaceScoped } from '../common/decorators.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, memberWithRole, signup } from '../../test/factories/users.factory.js';
import { WorkspaceAccessGuard } from './workspace-access.guard.js';

// The seed's table, written out as users read it: Agent, Owner/Admin, Manager, Member.
// 'depends' = decided by the workspace toggle named beside it.
type Cell = boolean | keyof PermissionToggles;
const SEED: Record<Exclude<Permission, 'workspace.manage' | 'members.manage'>, { agent: Cell; ownerAdmin: Cell; manager: Cell; member: Cell }> = {
  'calls.make': { agent: true, ownerAdmin: true, manager: false, member: false },
  'calls.receive': { agent: true, ownerAdmin: true, manager: false, member: false },
  'contacts.view': { agent: true, ownerAdmin: true, manager: 'managerViewContacts', member: 'memberViewContacts' },
  'contacts.edit': { agent: true, ownerAdmin: true, manager: 'managerEditContacts', member: false },
  'callLogs.view': { agent: true, ownerAdmin: true, manager: 'managerViewCallLogs', member: 'memberViewCallLogs' },
  'leads.qualify': { agent: true, ownerAdmin: true, manager: false, member: false },
  'callNotes.add': { agent: true, ownerAdmin: true, manager: false, member: false },
};

function expected(role: Role, permission: Permission, toggles: PermissionToggles): boolean {
  if (permission === 'workspace.manage' || permission === 'members.manage') return role === 'owner' || role === 'admin';
  const row = SEED[permission];
  const cell = role === 'owner' || role === 'admin' ? row.ownerAdmin : row[role];
  return typeof cell === 'boolean' ? cell : toggles[cell];
}

// One probe route per permission, guarded exactly like the product's routes.
function probeController() {
  @WorkspaceScoped(WorkspaceAccessGuard)
  @Controller('api/v1/workspaces/:workspaceId/_probe')
  class ProbeController {}
  for (const permission of PERMISSIONS) {
    const name = `probe_${permission.replace('.', '_')}`;
    Object.defineProperty(ProbeController.prototype, name, {
      value: function () {
        return { ok: permission };
      },
    });
    const descriptor = Object.getOwnPropertyDescriptor(ProbeController.prototype, name)!;
    Get(permission)(ProbeController.prototype, name, descriptor);
    RequirePermission(permission)(ProbeController.prototype, name, descriptor);
  }
  return ProbeController;
}

const ALL_ON: PermissionToggles = { managerViewContacts: true, managerEditContacts: true, managerViewCallLogs: true, memberViewContacts: true, memberViewCallLogs: true };
const ALL_OFF: PermissionToggles = { managerViewContacts: false, managerEditContacts: false, managerViewCallLogs: false, memberViewContacts: false, memberViewCallLogs: false };
const DEFAULTS: PermissionToggles = { managerViewContacts: true, managerEditContacts: false, managerViewCallLogs: true, memberViewContacts: true, memberViewCallLogs: true };

describe('permission matrix (e2e)', () => {
  let t: TestApp;
  let owner: { token: string; workspaceId: string };
  const tokens = {} as Record<Role, string>;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp({}, { controllers: [probeController()] });
    const s = await signup(t.app);
    owner = { token: s.accessToken, workspaceId: s.workspace.id };
    tokens.owner = s.accessToken;
    for (const role of ['admin', 'agent', 'manager', 'member'] as const) {
      tokens[role] = (await memberWithRole(t.app, s.workspace.id, role)).token;
    }
  });
  afterAll(async () => t.close());

  describe.each([
    ['the default toggles', DEFAULTS],
    ['every toggle on', ALL_ON],
    ['every toggle off', ALL_OFF],
  ])('with %s', (_label, toggles) => {
    beforeAll(async () => {
      await http().patch(`/api/v1/workspaces/${owner.workspaceId}`).set(bearer(owner.token)).send({ permissions: toggles }).expect(200);
    });

    const cells = (['owner', 'admin', 'agent', 'manager', 'member'] as const).flatMap((role) => PERMISSIONS.map((p) => [role, p] as const));

    it.each(cells)('should decide %s / %s as the seed says', async (role, permission) => {
      const allowed = expected(role, permission, toggles);
      const res = await http().get(`/api/v1/workspaces/${owner.workspaceId}/_probe/${permission}`).set(bearer(tokens[role]));
      expect(res.status).toBe(allowed ? 200 : 403);
      if (!allowed) expect(res.body.code).toBe('FORBIDDEN');
    });

    it('should report the same permissions in /me for every role', async () => {
      for (const role of ['owner', 'admin', 'agent', 'manager', 'member'] as const) {
        const me = await http().get('/api/v1/me').set(bearer(tokens[role])).expect(200);
        const membership = me.body.memberships.find((m: { workspaceId: string }) => m.workspaceId === owner.workspaceId);
        expect(membership.permissions.sort()).toEqual(PERMISSIONS.filter((p) => expected(role, p, toggles)).sort());
      }
    });
  });

  // Each toggle decides exactly one cell; flipping it alone must change that cell and no other
  // (a manager toggle wired to the member column, or two toggles swapped, fails here).
  const TOGGLE_CELL: Record<keyof PermissionToggles, string> = {
    managerViewContacts: 'manager contacts.view',
    managerEditContacts: 'manager contacts.edit',
    managerViewCallLogs: 'manager callLogs.view',
    memberViewContacts: 'member contacts.view',
    memberViewCallLogs: 'member callLogs.view',
  };

  /** Every allowed "role permission" cell, as the guard answers and as /me reports, under `toggles`. */
  async function allowedCells(toggles: PermissionToggles): Promise<{ guard: string[]; me: string[] }> {
    await http().patch(`/api/v1/workspaces/${owner.workspaceId}`).set(bearer(owner.token)).send({ permissions: toggles }).expect(200);
    const guard: string[] = [];
    const me: string[] = [];
    for (const role of ROLES) {
      const answers = await Promise.all(PERMISSIONS.map((p) => http().get(`/api/v1/workspaces/${owner.workspaceId}/_probe/${p}`).set(bearer(tokens[role]))));
      answers.forEach((res, i) => {
        expect([200, 403]).toContain(res.status);
        if (res.status === 200) guard.push(`${role} ${PERMISSIONS[i]}`);
      });
      const body = (await http().get('/api/v1/me').set(bearer(tokens[role])).expect(200)).body;
      const membership = body.memberships.find((m: { workspaceId: string }) => m.workspaceId === owner.workspaceId);
      me.push(...(membership.permissions as string[]).map((p) => `${role} ${p}`));
    }
    return { guard: guard.sort(), me: me.sort() };
  }

  const baseline: Record<string, { guard: string[]; me: string[] }> = {};
  const changed = (a: string[], b: string[]) => [...a.filter((c) => !b.includes(c)), ...b.filter((c) => !a.includes(c))].sort();

  it.each(Object.keys(TOGGLE_CELL) as Array<keyof PermissionToggles>)('should change exactly one cell when only %s is flipped', async (toggle) => {
    for (const base of [ALL_OFF, ALL_ON]) {
      const before = (baseline[JSON.stringify(base)] ??= await allowedCells(base));
      const after = await allowedCells({ ...base, [toggle]: !base[toggle] });
      expect(changed(before.guard, after.guard)).toEqual([TOGGLE_CELL[toggle]]);
      expect(changed(before.me, after.me)).toEqual([TOGGLE_CELL[toggle]]);
      expect(after.guard.includes(TOGGLE_CELL[toggle])).toBe(!base[toggle]);
    }
  });

  it('should keep settings, members, invitations and API keys to owners and admins on the real routes', async () => {
    await http().patch(`/api/v1/workspaces/${owner.workspaceId}`).set(bearer(owner.token)).send({ permissions: ALL_ON }).expect(200);
    const ws = `/api/v1/workspaces/${owner.workspaceId}`;
    const target = await memberWithRole(t.app, owner.workspaceId, 'agent');
    const inv = (await http().post(`${ws}/invitations`).set(bearer(tokens.admin)).send({ email: 'invited@example.test', role: 'agent' }).expect(201)).body;
    const key = (await http().post(`${ws}/api-keys`).set(bearer(tokens.admin)).send({ name: 'k' }).expect(201)).body;
    for (const role of ['agent', 'manager', 'member'] as const) {
      const calls: Array<[string, request.Test]> = [
        ['PATCH settings', http().patch(ws).set(bearer(tokens[role])).send({ name: 'Hijack' })],
        ['PATCH permissions', http().patch(ws).set(bearer(tokens[role])).send({ permissions: { memberViewContacts: false } })],
        ['PATCH member', http().patch(`${ws}/members/${target.userId}`).set(bearer(tokens[role])).send({ role: 'admin' })],
        ['DELETE member', http().delete(`${ws}/members/${target.userId}`).set(bearer(tokens[role]))],
        ['GET invitations', http().get(`${ws}/invitations`).set(bearer(tokens[role]))],
        ['POST invitation', http().post(`${ws}/invitations`).set(bearer(tokens[role])).send({ email: 'x@example.test', role: 'agent' })],
        ['DELETE invitation', http().delete(`${ws}/invitations/${inv.id}`).set(bearer(tokens[role]))],
        ['GET api-keys', http().get(`${ws}/api-keys`).set(bearer(tokens[role]))],
        ['POST api-key', http().post(`${ws}/api-keys`).set(bearer(tokens[role])).send({ name: 'k' })],
        ['DELETE api-key', http().delete(`${ws}/api-keys/${key.id}`).set(bearer(tokens[role]))],
      ];
      for (const [what, call] of calls) {
        const res = await call;
        const at = `${role}: ${what}`;
        expect({ at, status: res.status, code: res.body.code }).toEqual({ at, status: 403, code: 'FORBIDDEN' });
      }
      await http().get(ws).set(bearer(tokens[role])).expect(200);
    }
    // Nothing above took effect.
    const settings = (await http().get(ws).set(bearer(owner.token)).expect(200)).body;
    expect(settings.name).not.toBe('Hijack');
    expect(settings.permissions).toEqual(ALL_ON);
    const members = (await http().get(`${ws}/members`).set(bearer(owner.token)).expect(200)).body.items;
    expect(members).toEqual(expect.arrayContaining([expect.objectContaining({ userId: target.userId, role: 'agent' })]));
    expect((await http().get(`${ws}/invitations`).set(bearer(owner.token)).expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([inv.id]);
    expect((await http().get(`${ws}/api-keys`).set(bearer(owner.token)).expect(200)).body.items.map((k: { id: string }) => k.id)).toContain(key.id);
    // And owners and admins may.
    await http().get(`${ws}/invitations`).set(bearer(tokens.admin)).expect(200);
    await http().get(`${ws}/api-keys`).set(bearer(tokens.owner)).expect(200);
  });
});
