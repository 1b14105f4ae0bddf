import type { ApiKeyView, CreateApiKeyRequest, CreatedApiKey } from '@ringtonic/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/api-keys`;

export const apiKeysQueryKey = (workspaceId: string) => ['api-keys', workspaceId] as const;

export function useApiKeys(workspaceId: string) {
  return useQuery({
    queryKey: apiKeysQueryKey(workspaceId),
    queryFn: () => apiRequest<{ items: ApiKeyView[] }>(base(workspaceId)),
  });
}

export function useCreateApiKey(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyRequest) => apiRequest<CreatedApiKey>(base(workspaceId), { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey(workspaceId) }),
  });
}

export function useRevokeApiKey(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`${base(workspaceId)}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey(workspaceId) }),
  });
}
