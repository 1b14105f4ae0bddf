import type { PhoneNumberView } from '@ringtonic/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export interface PhoneNumbersResponse {
  items: PhoneNumberView[];
}

export const phoneNumbersQueryKey = (workspaceId: string) => ['phone-numbers', workspaceId] as const;

export function getPhoneNumbers(workspaceId: string): Promise<PhoneNumbersResponse> {
  return apiRequest<PhoneNumbersResponse>(`/workspaces/${encodeURIComponent(workspaceId)}/phone-numbers`);
}

export function usePhoneNumbers(workspaceId: string) {
  return useQuery({ queryKey: phoneNumbersQueryKey(workspaceId), queryFn: () => getPhoneNumbers(workspaceId) });
}
