// The workspace feature's public surface: other features and src/app import only from here.
export { meQueryKey, useMe } from './api/get-me';
export { workspaceQueryKey, useWorkspace } from './api/get-workspace';
export { useUpdateWorkspace, type UpdateWorkspaceInput } from './api/update-workspace';
export { WorkspaceRedirect } from './components/workspace-redirect';
export { WorkspaceSwitcher } from './components/workspace-switcher';
export { hasPermission, useCurrentMembership } from './hooks/use-current-membership';
export { DEFAULT_COUNTRY, useWorkspaceCountry } from './hooks/use-workspace-country';
export { useWorkspaceStore } from './stores/workspace-store';
