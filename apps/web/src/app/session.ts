import { useAuthStore } from '@/features/auth';
import { connectSession } from '@/lib/api-client';

/** Gives the api client access to the in-memory token held by the auth store. */
export function connectApiClientToSession(): void {
  connectSession({
    getAccessToken: () => useAuthStore.getState().accessToken,
    tokenRefreshed: (accessToken) => useAuthStore.getState().tokenRefreshed(accessToken),
    sessionExpired: () => useAuthStore.getState().sessionExpired(),
  });
}
