import type { ContactListQuery, ContactView, Page } from '@ringtonic/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export const contactsQueryKey = (workspaceId: string) => ['contacts', workspaceId] as const;

export function contactsQueryString(query: ContactListQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function getContacts(workspaceId: string, query: ContactListQuery): Promise<Page<ContactView>> {
  return apiRequest<Page<ContactView>>(`/workspaces/${encodeURIComponent(workspaceId)}/contacts${contactsQueryString(query)}`);
}

export function useContacts(workspaceId: string, query: ContactListQuery) {
  return useQuery({
    queryKey: [...contactsQueryKey(workspaceId), 'list', query],
    queryFn: () => getContacts(workspaceId, query),
    placeholderData: keepPreviousData,
  });
}
