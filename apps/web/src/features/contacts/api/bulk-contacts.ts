import type { BulkContactsRequest, BulkContactsResponse } from '@ringtonic/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { contactsQueryKey } from './get-contacts';

const CHUNK = 100;

export function bulkContacts(workspaceId: string, request: BulkContactsRequest): Promise<BulkContactsResponse> {
  return apiRequest<BulkContactsResponse>(`/workspaces/${encodeURIComponent(workspaceId)}/contacts/bulk`, { method: 'POST', body: request });
}

/** Sends the selection in chunks so a large one shows progress (done / total ids). */
export function useBulkContacts(workspaceId: string, onProgress?: (done: number, total: number) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: BulkContactsRequest) => {
      let affected = 0;
      for (let i = 0; i < request.ids.length; i += CHUNK) {
        const ids = request.ids.slice(i, i + CHUNK);
        affected += (await bulkContacts(workspaceId, { ...request, ids })).affected;
        onProgress?.(Math.min(i + CHUNK, request.ids.length), request.ids.length);
      }
      return { affected };
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: contactsQueryKey(workspaceId) }),
  });
}
