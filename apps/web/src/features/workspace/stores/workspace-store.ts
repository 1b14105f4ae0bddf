import { create } from 'zustand';
import { readStored, writeStored } from '@/lib/local-storage';

export const LAST_WORKSPACE_KEY = 'ringtonic.lastWorkspaceId';

interface WorkspaceState {
  /** The workspace in the URL, remembered across visits. */
  currentWorkspaceId: string | null;
  workspaceEntered: (workspaceId: string) => void;
  workspaceForgotten: () => void;
}

export const useWorkspaceStore = create<WorkspaceState>()((set) => ({
  currentWorkspaceId: readStored(LAST_WORKSPACE_KEY),
  workspaceEntered: (workspaceId) => {
    writeStored(LAST_WORKSPACE_KEY, workspaceId);
    set({ currentWorkspaceId: workspaceId });
  },
  workspaceForgotten: () => {
    writeStored(LAST_WORKSPACE_KEY, null);
    set({ currentWorkspaceId: null });
  },
}));

export const useCurrentWorkspaceId = () => useWorkspaceStore((s) => s.currentWorkspaceId);
