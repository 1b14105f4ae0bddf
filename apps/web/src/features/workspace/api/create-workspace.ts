import type { WorkspaceView } from '@ringtonic/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { meQueryKey } from './get-me';
import { workspaceQueryKey } from './get-workspace';

export interface CreateWorkspaceInput {
  name: string;
}

export function createWorkspace(input: CreateWorkspaceInput): Promise<WorkspaceView> {
  return apiRequest<WorkspaceView>('/workspaces', { method: 'POST', body: input });
}

export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWorkspace,
    onSuccess: async (workspace) => {
      queryClient.setQueryData(workspaceQueryKey(workspace.id), workspace);
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
