import type { MeResponse } from '@ringtonic/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export const meQueryKey = ['me'] as const;

export function getMe(): Promise<MeResponse> {
  return apiRequest<MeResponse>('/me');
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe });
}
