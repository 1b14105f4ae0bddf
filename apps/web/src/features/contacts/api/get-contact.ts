import type { ContactView } from '@ringtonic/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { contactsQueryKey } from './get-contacts';

export const contactQueryKey = (workspaceId: string, contactId: string) => [...contactsQueryKey(workspaceId), 'one', contactId] as const;

export function getContact(workspaceId: string, contactId: string): Promise<ContactView> {
  return apiRequest<ContactView>(`/workspaces/${encodeURIComponent(workspaceId)}/contacts/${encodeURIComponent(contactId)}`);
}

export function useContact(workspaceId: string, contactId: string) {
  return useQuery({ queryKey: contactQueryKey(workspaceId, contactId), queryFn: () => getContact(workspaceId, contactId) });
}
