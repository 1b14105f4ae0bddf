import type { TwilioNumberView } from '@ringtonic/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export interface TwilioNumbersResponse {
  items: TwilioNumberView[];
}

export const twilioNumbersQueryKey = (workspaceId: string) => ['twilio-numbers', workspaceId] as const;

export function getTwilioNumbers(workspaceId: string): Promise<TwilioNumbersResponse> {
  return apiRequest<TwilioNumbersResponse>(`/workspaces/${encodeURIComponent(workspaceId)}/twilio-numbers`);
}

/** The numbers in the workspace's Twilio account; asked for only while the import dialog is open. */
export function useTwilioNumbers(workspaceId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: twilioNumbersQueryKey(workspaceId),
    queryFn: () => getTwilioNumbers(workspaceId),
    enabled,
    // Numbers bought in the Twilio Console since the last look should show up.
    staleTime: 0,
  });
}
