import type { CallDirection, CallStatus } from '@ringtonic/contracts';
import { create } from 'zustand';

export interface CallLogFilters {
  mine: boolean;
  direction?: CallDirection;
  status?: CallStatus;
  agentId?: string;
  campaignId?: string;
  /** Local dates, YYYY-MM-DD. */
  fromDate?: string;
  toDate?: string;
}

interface CallLogsViewState {
  filters: CallLogFilters;
  cursors: string[];
  openCallId: string | null;
  filtersChanged: (patch: Partial<CallLogFilters>) => void;
  filtersCleared: () => void;
  nextPageRequested: (cursor: string) => void;
  previousPageRequested: () => void;
  callOpened: (id: string) => void;
  sheetClosed: () => void;
}

export const useCallLogsView = create<CallLogsViewState>()((set) => ({
  filters: { mine: false },
  cursors: [],
  openCallId: null,
  filtersChanged: (patch) => set((s) => ({ filters: { ...s.filters, ...patch }, cursors: [] })),
  filtersCleared: () => set({ filters: { mine: false }, cursors: [] }),
  nextPageRequested: (cursor) => set((s) => ({ cursors: [...s.cursors, cursor] })),
  previousPageRequested: () => set((s) => ({ cursors: s.cursors.slice(0, -1) })),
  callOpened: (openCallId) => set({ openCallId }),
  sheetClosed: () => set({ openCallId: null }),
}));
