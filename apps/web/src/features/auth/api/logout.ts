import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { useAuthStore } from '../stores/auth-store';

export async function logout(): Promise<void> {
  await apiRequest<void>('/auth/logout', { method: 'POST', skipRefresh: true });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Sign out locally even when the server call fails: the user asked to leave.
    onSettled: () => {
      useAuthStore.getState().signedOut();
      queryClient.clear();
    },
  });
}
