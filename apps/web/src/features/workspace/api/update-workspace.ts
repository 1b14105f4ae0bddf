import type { PermissionToggles, Plan, WorkspaceView } from '@ringtonic/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { meQueryKey } from './get-me';
import { workspaceQueryKey } from './get-workspace';

/** Only the fields being changed; write-only secrets are sent only when the user typed one. */
export interface UpdateWorkspaceInput {
  name?: string;
  plan?: Plan;
  defaultCountry?: string;
  ringTimeoutSeconds?: number;
  recordCalls?: boolean;
  /** null = no announcement. */
  recordingAnnouncement?: string | null;
  permissions?: Partial<PermissionToggles>;
  twilio?: { accountSid?: string; authToken?: string };
  dialer?: { enabled?: boolean; apiKeySid?: string; apiKeySecret?: string };
  /** baseUrl null = OpenAI's own endpoint. */
  ai?: { enabled?: boolean; openaiApiKey?: string; baseUrl?: string | null; transcriptionModel?: string; analysisModel?: string };
}

export function updateWorkspace(workspaceId: string, input: UpdateWorkspaceInput): Promise<WorkspaceView> {
  return apiRequest<WorkspaceView>(`/workspaces/${encodeURIComponent(workspaceId)}`, {
    method: 'PATCH',
    body: input,
  });
}

export function useUpdateWorkspace(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateWorkspaceInput) => updateWorkspace(workspaceId, input),
    onSuccess: async (workspace) => {
      if (workspace && typeof workspace === 'object' && 'id' in workspace) {
        queryClient.setQueryData(workspaceQueryKey(workspaceId), workspace);
      }
      // Name and permission toggles also show up in /me (switcher, navigation).
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: workspaceQueryKey(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: meQueryKey }),
      ]);
    },
  });
}
