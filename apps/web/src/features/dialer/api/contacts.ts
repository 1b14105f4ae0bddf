import type { ContactStats, ContactView } from '@ringtonic/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

const contacts = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/contacts`;

interface ContactList {
  items: ContactView[];
}

export function searchContacts(workspaceId: string, search: string): Promise<ContactList> {
  return apiRequest<ContactList>(`${contacts(workspaceId)}?search=${encodeURIComponent(search)}&limit=20&sort=name&order=asc`);
}

export function useContactSearch(workspaceId: string, search: string) {
  return useQuery({
    queryKey: ['dialer', workspaceId, 'contacts', search] as const,
    queryFn: () => searchContacts(workspaceId, search),
  });
}

export function getContact(workspaceId: string, id: string): Promise<ContactView> {
  return apiRequest<ContactView>(`${contacts(workspaceId)}/${encodeURIComponent(id)}`);
}

export function useContact(workspaceId: string, id: string | null) {
  return useQuery({
    queryKey: ['dialer', workspaceId, 'contact', id] as const,
    queryFn: () => getContact(workspaceId, id ?? ''),
    enabled: id !== null,
  });
}

export function getContactStats(workspaceId: string, id: string): Promise<ContactStats> {
  return apiRequest<ContactStats>(`${contacts(workspaceId)}/${encodeURIComponent(id)}/stats`);
}

export function useContactStats(workspaceId: string, id: string | null) {
  return useQuery({
    queryKey: ['dialer', workspaceId, 'contact-stats', id] as const,
    queryFn: () => getContactStats(workspaceId, id ?? ''),
    enabled: id !== null,
  });
}
