import type { INestApplicationContext } from '@nestjs/common';
import type { Role } from '@ringtonic/contracts';
import { UsersService } from '../users/users.service.js';
import { WorkspaceService } from '../workspace/workspace.service.js';

export const DEMO_WORKSPACE = 'Demo Agency';
export const DEMO_PASSWORD = 'ringtonic-demo';

export const DEMO_USERS: Array<{ email: string; name: string; role: Role }> = [
  { email: 'owner@demo.ringtonic.test', name: 'Olivia Owner', role: 'owner' },
  { email: 'admin@demo.ringtonic.test', name: 'Adam Admin', role: 'admin' },
  { email: 'agent1@demo.ringtonic.test', name: 'Alice Agent', role: 'agent' },
  { email: 'agent2@demo.ringtonic.test', name: 'Bob Agent', role: 'agent' },
  { email: 'manager@demo.ringtonic.test', name: 'Maria Manager', role: 'manager' },
  { email: 'member@demo.ringtonic.test', name: 'Max Member', role: 'member' },
];

/** Seeds the demo workspace once (idempotent): one user per role, Agency plan. */
export async function seedDemo(app: INestApplicationContext): Promise<{ created: boolean; workspaceId: string }> {
  const users = app.get(UsersService);
  const workspaces = app.get(WorkspaceService);
  const owner = DEMO_USERS[0]!;
  const existingOwner = await users.findByEmail(owner.email);
  if (existingOwner) {
    const ws = (await workspaces.membershipsOf(existingOwner.id)).find((m) => m.workspaceName === DEMO_WORKSPACE);
    if (ws) return { created: false, workspaceId: ws.workspaceId };
  }
  const ownerUser = existingOwner ?? (await users.create({ ...owner, password: DEMO_PASSWORD }));
  const ws = await workspaces.create({ name: DEMO_WORKSPACE, ownerUserId: ownerUser.id, plan: 'agency' });
  for (const u of DEMO_USERS.slice(1)) {
    const user = (await users.findByEmail(u.email)) ?? (await users.create({ ...u, password: DEMO_PASSWORD }));
    await workspaces.addMember(ws.id, user.id, u.role);
  }
  return { created: true, workspaceId: ws.id };
}
