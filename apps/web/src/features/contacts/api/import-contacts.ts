import type { ImportContactsRequest, ImportContactsResponse, ImportRow } from '@ringtonic/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { contactsQueryKey } from './get-contacts';

const CHUNK = 200;

export function importContacts(workspaceId: string, request: ImportContactsRequest): Promise<ImportContactsResponse> {
  return apiRequest<ImportContactsResponse>(`/workspaces/${encodeURIComponent(workspaceId)}/contacts/import`, { method: 'POST', body: request });
}

/** Imports (or dry-runs) the mapped rows in chunks, reporting progress; merges the chunk reports. */
export function useImportContacts(workspaceId: string, onProgress?: (done: number, total: number) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ rows, dryRun }: { rows: ImportRow[]; dryRun: boolean }) => {
      const report: ImportContactsResponse = { dryRun, created: 0, rejected: [] };
      for (let i = 0; i < rows.length; i += CHUNK) {
        const part = await importContacts(workspaceId, { rows: rows.slice(i, i + CHUNK), dryRun });
        report.created += part.created;
        report.rejected.push(...part.rejected);
        onProgress?.(Math.min(i + CHUNK, rows.length), rows.length);
      }
      return report;
    },
    onSettled: (_data, _error, { dryRun }) => (dryRun ? undefined : queryClient.invalidateQueries({ queryKey: contactsQueryKey(workspaceId) })),
  });
}
