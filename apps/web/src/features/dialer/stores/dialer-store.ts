import type { CallRingingEvent, IntendedStatus, PresenceStatus } from '@ringtonic/contracts';
import { create } from 'zustand';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';
export type IdleTab = 'keypad' | 'contacts' | 'recents';

export interface ActiveCall {
  /** The call log id when known (inbound answers); outbound calls are identified by number. */
  callId: string | null;
  direction: 'inbound' | 'outbound';
  /** E.164 or as dialled. */
  number: string;
  numberFormatted: string;
  name: string | null;
  /** Set when the voice connection is accepted (drives the timer). */
  connectedAt: number | null;
  muted: boolean;
}

export interface DialerState {
  connection: ConnectionState;
  /** What others see (server's effective status). */
  presence: PresenceStatus;
  /** True when the current Away was set by inactivity (input brings the agent back Online). */
  autoAway: boolean;
  ringingCalls: CallRingingEvent[];
  activeCall: ActiveCall | null;
  expanded: boolean;
  tab: IdleTab;
  /** A number to dial, set by the keypad, recents or the Contacts page row action. */
  draftNumber: string;
  deviceError: string | null;
  soundBlocked: boolean;

  socketConnected: () => void;
  socketDisconnected: () => void;
  presenceChanged: (status: PresenceStatus) => void;
  statusChosen: (status: IntendedStatus) => void;
  autoAwayStarted: () => void;
  autoAwayEnded: () => void;
  incomingCallReceived: (call: CallRingingEvent) => void;
  ringingCallsRestored: (calls: CallRingingEvent[]) => void;
  callClaimedElsewhere: (callId: string) => void;
  callEnded: (callId: string) => void;
  callRejected: (callId: string) => void;
  callAnswered: (call: CallRingingEvent) => void;
  outboundCallStarted: (call: { number: string; numberFormatted: string; name: string | null }) => void;
  callConnected: () => void;
  callDisconnected: () => void;
  muteToggled: () => void;
  widgetToggled: () => void;
  widgetOpened: () => void;
  tabSelected: (tab: IdleTab) => void;
  draftNumberChanged: (number: string) => void;
  deviceFailed: (message: string | null) => void;
  soundBlockedChanged: (blocked: boolean) => void;
  sessionEnded: () => void;
}

const initial = {
  connection: 'connecting' as ConnectionState,
  presence: 'offline' as PresenceStatus,
  autoAway: false,
  ringingCalls: [] as CallRingingEvent[],
  activeCall: null as ActiveCall | null,
  expanded: false,
  tab: 'keypad' as IdleTab,
  draftNumber: '',
  deviceError: null as string | null,
  soundBlocked: false,
};

const without = (calls: CallRingingEvent[], callId: string) => calls.filter((c) => c.callId !== callId);

export const useDialerStore = create<DialerState>()((set) => ({
  ...initial,
  socketConnected: () => set({ connection: 'connected' }),
  socketDisconnected: () => set({ connection: 'disconnected', presence: 'offline' }),
  presenceChanged: (presence) => set((s) => ({ presence, autoAway: presence === 'away' ? s.autoAway : false })),
  statusChosen: (status) => set((s) => ({ presence: s.presence === 'in_call' ? 'in_call' : status, autoAway: false })),
  autoAwayStarted: () => set({ presence: 'away', autoAway: true }),
  autoAwayEnded: () => set({ presence: 'online', autoAway: false }),
  incomingCallReceived: (call) =>
    set((s) => ({ ringingCalls: [...without(s.ringingCalls, call.callId), call], expanded: true })),
  ringingCallsRestored: (calls) => set((s) => ({ ringingCalls: calls, expanded: calls.length > 0 || s.expanded })),
  callClaimedElsewhere: (callId) => set((s) => ({ ringingCalls: without(s.ringingCalls, callId) })),
  callEnded: (callId) =>
    set((s) => ({
      ringingCalls: without(s.ringingCalls, callId),
      activeCall: s.activeCall?.callId === callId && s.activeCall.connectedAt === null ? null : s.activeCall,
    })),
  callRejected: (callId) => set((s) => ({ ringingCalls: without(s.ringingCalls, callId) })),
  callAnswered: (call) =>
    set((s) => ({
      ringingCalls: without(s.ringingCalls, call.callId),
      activeCall: {
        callId: call.callId,
        direction: 'inbound',
        number: call.from,
        numberFormatted: call.fromFormatted,
        name: call.callerName,
        connectedAt: null,
        muted: false,
      },
      expanded: true,
    })),
  outboundCallStarted: (call) =>
    set({ activeCall: { callId: null, direction: 'outbound', connectedAt: null, muted: false, ...call }, expanded: true }),
  callConnected: () => set((s) => (s.activeCall ? { activeCall: { ...s.activeCall, connectedAt: Date.now() } } : {})),
  callDisconnected: () => set({ activeCall: null }),
  muteToggled: () => set((s) => (s.activeCall ? { activeCall: { ...s.activeCall, muted: !s.activeCall.muted } } : {})),
  widgetToggled: () => set((s) => ({ expanded: !s.expanded })),
  widgetOpened: () => set({ expanded: true }),
  tabSelected: (tab) => set({ tab }),
  draftNumberChanged: (draftNumber) => set({ draftNumber }),
  deviceFailed: (deviceError) => set({ deviceError }),
  soundBlockedChanged: (soundBlocked) => set({ soundBlocked }),
  sessionEnded: () => set(initial),
}));

// Atomic selectors.
export const usePresence = () => useDialerStore((s) => s.presence);
export const useRingingCalls = () => useDialerStore((s) => s.ringingCalls);
export const useActiveCall = () => useDialerStore((s) => s.activeCall);
export const useWidgetExpanded = () => useDialerStore((s) => s.expanded);
export const useIdleTab = () => useDialerStore((s) => s.tab);
export const useDraftNumber = () => useDialerStore((s) => s.draftNumber);
export const useDeviceError = () => useDialerStore((s) => s.deviceError);
export const useSoundBlocked = () => useDialerStore((s) => s.soundBlocked);
export const useConnection = () => useDialerStore((s) => s.connection);
