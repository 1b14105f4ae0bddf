import type { ImportNumbersResponse } from '@ringtonic/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { errorMessage } from '@/lib/api-error';
import { phoneNumbersQueryKey } from './get-phone-numbers';
import { twilioNumbersQueryKey } from './get-twilio-numbers';

/** Each import request points the numbers' webhooks at this API, one Twilio call per number. */
export const IMPORT_CHUNK_SIZE = 20;

export function importPhoneNumbers(workspaceId: string, twilioSids: string[]): Promise<ImportNumbersResponse> {
  return apiRequest<ImportNumbersResponse>(`/workspaces/${encodeURIComponent(workspaceId)}/phone-numbers/import`, {
    method: 'POST',
    body: { twilioSids },
  });
}

export interface ImportProgress {
  imported: number;
  processed: number;
  total: number;
}

export interface ImportNumbersInput {
  twilioSids: string[];
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportNumbersResult extends ImportNumbersResponse {
  total: number;
}

/**
 * Imports in chunks so a long list neither times out nor hides its progress. A refused request
 * (not one refused number) stops the run: the rest would be refused the same way.
 */
export async function importPhoneNumbersInChunks(
  workspaceId: string,
  { twilioSids, onProgress }: ImportNumbersInput,
): Promise<ImportNumbersResult> {
  const result: ImportNumbersResult = { items: [], failed: [], total: twilioSids.length };
  for (let start = 0; start < twilioSids.length; start += IMPORT_CHUNK_SIZE) {
    const chunk = twilioSids.slice(start, start + IMPORT_CHUNK_SIZE);
    try {
      const response = await importPhoneNumbers(workspaceId, chunk);
      result.items.push(...response.items);
      result.failed.push(...response.failed);
    } catch (error) {
      if (start === 0) throw error;
      const message = errorMessage(error);
      result.failed.push(...twilioSids.slice(start).map((sid) => ({ sid, message })));
      break;
    }
    onProgress?.({ imported: result.items.length, processed: start + chunk.length, total: twilioSids.length });
  }
  return result;
}

export function useImportPhoneNumbers(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportNumbersInput) => importPhoneNumbersInChunks(workspaceId, input),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: phoneNumbersQueryKey(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: twilioNumbersQueryKey(workspaceId) }),
      ]),
  });
}
