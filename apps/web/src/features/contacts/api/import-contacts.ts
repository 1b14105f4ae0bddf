import type { ImportContactsRequest, ImportContactsResponse, ImportRow } from '@ringtonic/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { dedupeByPhone } from '../lib/import-rows';
import { contactsQueryKey } from './get-contacts';

const CHUNK = 200;

export function importContacts(workspaceId: string, request: ImportContactsRequest): Promise<ImportContactsResponse> {
  return apiRequest<ImportContactsResponse>(`/workspaces/${encodeURIComponent(workspaceId)}/contacts/import`, { method: 'POST', body: request });
}

/**
 * Imports (or dry-runs) the mapped rows in chunks, reporting progress; merges the chunk reports.
 * Phones repeated across the file are rejected before chunking (each chunk's request only sees
 * itself), so the preview and the import report the same rows for the same reason.
 */
export function useImportContacts(workspaceId: string, onProgress?: (done: number, total: number) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ rows, dryRun, country }: { rows: ImportRow[]; dryRun: boolean; country: string }) => {
      const { unique, duplicates } = dedupeByPhone(rows, country);
      const report: ImportContactsResponse = { dryRun, created: 0, rejected: [...duplicates] };
      for (let i = 0; i < unique.length; i += CHUNK) {
        const part = await importContacts(workspaceId, { rows: unique.slice(i, i + CHUNK), dryRun });
        report.created += part.created;
        report.rejected.push(...part.rejected);
        onProgress?.(Math.min(i + CHUNK, unique.length), unique.length);
      }
      report.rejected.sort((a, b) => a.row - b.row);
      return report;
    },
    onSettled: (_data, _error, { dryRun }) => (dryRun ? undefined : queryClient.invalidateQueries({ queryKey: contactsQueryKey(workspaceId) })),
  });
}
