import type { ContactInput, ContactView } from '@ringtonic/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { contactsQueryKey } from './get-contacts';

export function createContact(workspaceId: string, input: ContactInput & { phone: string }): Promise<ContactView> {
  return apiRequest<ContactView>(`/workspaces/${encodeURIComponent(workspaceId)}/contacts`, { method: 'POST', body: input });
}

export function useCreateContact(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ContactInput & { phone: string }) => createContact(workspaceId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactsQueryKey(workspaceId) }),
  });
}
