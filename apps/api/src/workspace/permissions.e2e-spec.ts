import { Controller, Get } from '@nestjs/common';
import { PERMISSIONS, type Permission, type PermissionToggles, type Role } from '@ringtonic/contracts';
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

  it('should keep settings and members read-only for agents, managers and members', async () => {
    for (const role of ['agent', 'manager', 'member'] as const) {
      await http().patch(`/api/v1/workspaces/${owner.workspaceId}`).set(bearer(tokens[role])).send({ name: 'Hijack' }).expect(403);
      await http().post(`/api/v1/workspaces/${owner.workspaceId}/invitations`).set(bearer(tokens[role])).send({ email: 'x@example.test', role: 'agent' }).expect(403);
      await http().post(`/api/v1/workspaces/${owner.workspaceId}/api-keys`).set(bearer(tokens[role])).send({ name: 'k' }).expect(403);
      await http().get(`/api/v1/workspaces/${owner.workspaceId}`).set(bearer(tokens[role])).expect(200);
    }
  });
});
