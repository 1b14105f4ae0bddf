import type { ContactInput, ContactView } from '@ringtonic/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { contactQueryKey } from './get-contact';
import { contactsQueryKey } from './get-contacts';

export function updateContact(workspaceId: string, contactId: string, input: ContactInput): Promise<ContactView> {
  return apiRequest<ContactView>(`/workspaces/${encodeURIComponent(workspaceId)}/contacts/${encodeURIComponent(contactId)}`, {
    method: 'PATCH',
    body: input,
  });
}

/** Optimistic: the sheet shows the new value at once and rolls back if the API refuses it. */
export function useUpdateContact(workspaceId: string, contactId: string) {
  const queryClient = useQueryClient();
  const key = contactQueryKey(workspaceId, contactId);
  return useMutation({
    mutationFn: (input: ContactInput) => updateContact(workspaceId, contactId, input),
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ContactView>(key);
      if (previous) queryClient.setQueryData<ContactView>(key, { ...previous, ...(input as Partial<ContactView>) });
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (contact) => queryClient.setQueryData(key, contact),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...contactsQueryKey(workspaceId), 'list'] }),
  });
}
