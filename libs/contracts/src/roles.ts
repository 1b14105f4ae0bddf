// Roles and the seed's permission matrix: the one table both the API guard and the SPA read.
export const ROLES = ['owner', 'admin', 'agent', 'manager', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'calls.make',
  'calls.receive',
  'contacts.view',
  'contacts.edit',
  'callLogs.view',
  'leads.qualify',
  'callNotes.add',
  'workspace.manage',
  'members.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The "depends" cells of the seed's matrix, switched per workspace. */
export interface PermissionToggles {
  managerViewContacts: boolean;
  managerEditContacts: boolean;
  managerViewCallLogs: boolean;
  memberViewContacts: boolean;
  memberViewCallLogs: boolean;
}

// Seed defaults: "depends" cells are on for viewing, off for editing.
export const DEFAULT_PERMISSION_TOGGLES: PermissionToggles = {
  managerViewContacts: true,
  managerEditContacts: false,
  managerViewCallLogs: true,
  memberViewContacts: true,
  memberViewCallLogs: true,
};

type Cell = boolean | keyof PermissionToggles;

const FULL: Record<Permission, Cell> = {
  'calls.make': true,
  'calls.receive': true,
  'contacts.view': true,
  'contacts.edit': true,
  'callLogs.view': true,
  'leads.qualify': true,
  'callNotes.add': true,
  'workspace.manage': true,
  'members.manage': true,
};

export const PERMISSION_MATRIX: Record<Role, Record<Permission, Cell>> = {
  owner: FULL,
  admin: FULL,
  agent: { ...FULL, 'workspace.manage': false, 'members.manage': false },
  manager: {
    'calls.make': false,
    'calls.receive': false,
    'contacts.view': 'managerViewContacts',
    'contacts.edit': 'managerEditContacts',
    'callLogs.view': 'managerViewCallLogs',
    'leads.qualify': false,
    'callNotes.add': false,
    'workspace.manage': false,
    'members.manage': false,
  },
  member: {
    'calls.make': false,
    'calls.receive': false,
    'contacts.view': 'memberViewContacts',
    'contacts.edit': false,
    'callLogs.view': 'memberViewCallLogs',
    'leads.qualify': false,
    'callNotes.add': false,
    'workspace.manage': false,
    'members.manage': false,
  },
};

export function can(role: Role, permission: Permission, toggles: PermissionToggles): boolean {
  const cell = PERMISSION_MATRIX[role][permission];
  return typeof cell === 'boolean' ? cell : toggles[cell];
}

export function permissionsOf(role: Role, toggles: PermissionToggles): Permission[] {
  return PERMISSIONS.filter((p) => can(role, p, toggles));
}
