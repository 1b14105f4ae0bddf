import type { CallLogView, ContactStats, Page } from '@ringtonic/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { contactsQueryKey } from './get-contacts';

export type ContactCallsPage = Page<CallLogView> & { page: number; total: number };

export function getContactCalls(workspaceId: string, contactId: string, page: number): Promise<ContactCallsPage> {
  return apiRequest<ContactCallsPage>(`/workspaces/${encodeURIComponent(workspaceId)}/contacts/${encodeURIComponent(contactId)}/calls?page=${page}&limit=5`);
}

export function useContactCalls(workspaceId: string, contactId: string, page: number, enabled: boolean) {
  return useQuery({
    queryKey: [...contactsQueryKey(workspaceId), 'calls', contactId, page],
    queryFn: () => getContactCalls(workspaceId, contactId, page),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function getContactStats(workspaceId: string, contactId: string): Promise<ContactStats> {
  return apiRequest<ContactStats>(`/workspaces/${encodeURIComponent(workspaceId)}/contacts/${encodeURIComponent(contactId)}/stats`);
}

export function useContactStats(workspaceId: string, contactId: string, enabled: boolean) {
  return useQuery({ queryKey: [...contactsQueryKey(workspaceId), 'stats', contactId], queryFn: () => getContactStats(workspaceId, contactId), enabled });
}
