import type { SignupResponse } from '@ringtonic/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { useAuthStore } from '../stores/auth-store';

export interface SignupInput {
  name: string;
  email: string;
  password: string;
  workspaceName: string;
}

export function signup(input: SignupInput): Promise<SignupResponse> {
  return apiRequest<SignupResponse>('/auth/signup', { method: 'POST', body: input, skipRefresh: true });
}

export function useSignup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signup,
    onSuccess: (response) => {
      queryClient.clear();
      useAuthStore.getState().signedIn(response.accessToken);
    },
  });
}
