import { create } from 'zustand';

// 'unknown' until the first refresh attempt on page load settles.
export type SessionStatus = 'unknown' | 'authenticated' | 'anonymous';

interface AuthState {
  accessToken: string | null;
  status: SessionStatus;
  signedIn: (accessToken: string) => void;
  tokenRefreshed: (accessToken: string) => void;
  sessionExpired: () => void;
  signedOut: () => void;
}

// The access token lives only in memory; the refresh token is an httpOnly cookie.
export const useAuthStore = create<AuthState>()((set) => ({
  accessToken: null,
  status: 'unknown',
  signedIn: (accessToken) => set({ accessToken, status: 'authenticated' }),
  tokenRefreshed: (accessToken) => set({ accessToken, status: 'authenticated' }),
  sessionExpired: () => set({ accessToken: null, status: 'anonymous' }),
  signedOut: () => set({ accessToken: null, status: 'anonymous' }),
}));

export const useSessionStatus = () => useAuthStore((s) => s.status);
