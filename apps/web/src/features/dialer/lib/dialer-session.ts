import type { CallRingingEvent, IntendedStatus, PresenceStatus } from '@ringtonic/contracts';
import { toast } from 'sonner';
import { ApiRequestError, errorMessage } from '@/lib/api-error';
import { acquireRealtime } from '@/lib/realtime';
import type { RealtimeSocket } from '@/lib/socket';
import { answerCall, getRingingCalls, rejectCall } from '../api/calls';
import { createVoiceToken } from '../api/dialer';
import { useDialerStore } from '../stores/dialer-store';
import { createVoiceDevice } from '../voice/create-voice-device';
import type { AudioDevices, VoiceCall, VoiceDevice } from '../voice/voice-device';
import { isTokenError } from '../voice/voice-errors';
import { applyStoredAudioChoices } from './audio-preference';
import { notifyIncomingCall } from './notify';
import { heartbeat, statusChosenByHand, trackPresence } from './presence-tracker';
import { startRingtone, stopRingtone } from './sound';
import type { PresenceTiming } from './timing';
import { startTokenRefresh, type TokenRefresher } from './token-refresh';

export interface DialerSessionOptions {
  workspaceId: string;
  userId: string;
  getAccessToken: () => string | null;
  /** The server's HEARTBEAT_SECONDS / AUTO_AWAY_SECONDS (from GET …/dialer). */
  timing: PresenceTiming;
  /** After a call ends (e.g. to refresh Recents). */
  onCallFinished?: () => void;
}

interface Session {
  options: DialerSessionOptions;
  socket: RealtimeSocket;
  device: Promise<VoiceDevice> | null;
  call: VoiceCall | null;
  tokens: TokenRefresher | null;
  cleanups: Array<() => void>;
}

let session: Session | null = null;
const store = () => useDialerStore.getState();

async function restoreRingingCalls(workspaceId: string): Promise<void> {
  try {
    store().ringingCallsRestored(await getRingingCalls(workspaceId));
  } catch {
    // The next call.ringing event still arrives; nothing to tell the agent.
  }
}

function startDevice(s: Session): Promise<VoiceDevice> {
  s.device ??= (async () => {
    const token = await createVoiceToken(s.options.workspaceId);
    // An expired or invalid token is replaced at once instead of asking the agent to reload.
    const onDeviceError = (message: string, code?: number) => {
      store().deviceFailed(message);
      if (isTokenError(code)) s.tokens?.refreshNow();
    };
    const device = await createVoiceDevice(token, onDeviceError);
    s.tokens?.stop();
    s.tokens = startTokenRefresh(
      () => createVoiceToken(s.options.workspaceId),
      (fresh) => device.updateToken(fresh),
      token.expiresAt,
      () => {
        if (store().deviceError) store().deviceFailed(null);
      },
    );
    if (session !== s) s.tokens.stop();
    await applyStoredAudioChoices(device);
    if (store().deviceError) store().deviceFailed(null);
    return device;
  })();
  s.device.catch((error: unknown) => {
    store().deviceFailed(errorMessage(error, 'The voice connection could not start.'));
    if (session === s) s.device = null;
  });
  return s.device;
}

// A device that failed to connect is rebuilt (new token, new connection) on the next call.
function resetDevice(s: Session): void {
  const device = s.device;
  s.device = null;
  s.tokens?.stop();
  s.tokens = null;
  void device?.then((d) => d.destroy()).catch(() => undefined);
}

function listen(s: Session): void {
  const { socket, options } = s;
  const onConnect = () => {
    store().socketConnected();
    heartbeat(socket);
    void restoreRingingCalls(options.workspaceId);
  };
  const onDisconnect = () => store().socketDisconnected();
  const onRinging = (call: CallRingingEvent) => {
    store().incomingCallReceived(call);
    notifyIncomingCall(call);
  };
  // Also when this agent answered in another tab: only the answering tab keeps the call.
  const onClaimed = ({ callId }: { callId: string }) => store().callClaimedElsewhere(callId);
  const onEnded = ({ callId }: { callId: string }) => store().callEnded(callId);
  const onPresence = ({ userId, status }: { userId: string; status: PresenceStatus }) => {
    if (userId === options.userId) store().presenceChanged(status);
  };
  // Reconnecting after a refused handshake is the shared socket's job (lib/realtime).
  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);
  socket.on('connect_error', onDisconnect);
  socket.on('call.ringing', onRinging);
  socket.on('call.claimed', onClaimed);
  socket.on('call.ended', onEnded);
  socket.on('presence.changed', onPresence);
  s.cleanups.push(() => {
    socket.off('connect', onConnect);
    socket.off('disconnect', onDisconnect);
    socket.off('connect_error', onDisconnect);
    socket.off('call.ringing', onRinging);
    socket.off('call.claimed', onClaimed);
    socket.off('call.ended', onEnded);
    socket.off('presence.changed', onPresence);
  });
  // The socket may already be up (shared with a page that listens to call-log updates).
  if (socket.connected) onConnect();
}

/** Starts presence, realtime events and the voice device for one workspace; returns a stop function. */
export function startDialerSession(options: DialerSessionOptions): () => void {
  stopDialerSession();
  store().sessionEnded();
  const realtime = acquireRealtime(options.workspaceId, options.getAccessToken);
  const socket = realtime.socket;
  const s: Session = { options, socket, device: null, call: null, tokens: null, cleanups: [] };
  session = s;
  listen(s);
  void startDevice(s);

  s.cleanups.push(trackPresence(socket, options.timing));

  // Ring while a card is shown and no call is up.
  s.cleanups.push(
    useDialerStore.subscribe((state, prev) => {
      const ringing = state.ringingCalls.length > 0 && !state.activeCall;
      if (ringing === (prev.ringingCalls.length > 0 && !prev.activeCall)) return;
      if (ringing) void startRingtone();
      else stopRingtone();
    }),
  );
  // Last, so every listener above is off before the shared socket may disconnect.
  s.cleanups.push(realtime.release);
  return () => {
    if (session === s) stopDialerSession();
  };
}

export function stopDialerSession(): void {
  const s = session;
  if (!s) return;
  session = null;
  s.tokens?.stop();
  s.cleanups.forEach((cleanup) => cleanup());
  void s.device?.then((d) => d.destroy()).catch(() => undefined);
  stopRingtone();
  store().sessionEnded();
}

function wireCall(s: Session, call: VoiceCall): void {
  s.call = call;
  call.on('accept', () => {
    if (s.call === call) store().callConnected();
  });
  call.on('disconnect', () => {
    if (s.call !== call) return;
    s.call = null;
    store().callDisconnected();
    s.options.onCallFinished?.();
  });
  call.on('error', (message) => {
    store().deviceFailed(message);
    toast.error(message);
  });
}

function current(): Session {
  if (!session) throw new Error('The dialer is not running.');
  return session;
}

export async function answerRingingCall(call: CallRingingEvent): Promise<void> {
  const s = current();
  try {
    await answerCall(s.options.workspaceId, call.callId);
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 409) {
      const by = (error.body as { answeredBy?: { name?: string } } | null)?.answeredBy?.name;
      toast.info(by ? `Answered by ${by}` : 'This call was answered by a teammate');
      store().callClaimedElsewhere(call.callId);
      return;
    }
    toast.error(errorMessage(error, 'Could not answer the call.'));
    return;
  }
  store().callAnswered(call);
  try {
    const device = await startDevice(s);
    wireCall(s, await device.connect({ answerCallId: call.callId }));
  } catch (error) {
    store().callDisconnected();
    resetDevice(s);
    toast.error(errorMessage(error, 'Could not connect the call.'));
  }
}

export async function rejectRingingCall(callId: string): Promise<void> {
  const s = current();
  store().callRejected(callId);
  await rejectCall(s.options.workspaceId, callId).catch((error: unknown) => toast.error(errorMessage(error)));
}

export interface OutboundCall {
  to: string;
  toFormatted: string;
  callerId: string;
  name?: string | null;
  contactId?: string;
}

export async function placeCall(outbound: OutboundCall): Promise<void> {
  const s = current();
  if (store().activeCall) return;
  store().outboundCallStarted({ number: outbound.to, numberFormatted: outbound.toFormatted, name: outbound.name ?? null });
  try {
    const device = await startDevice(s);
    const params: Record<string, string> = { To: outbound.to, CallerId: outbound.callerId };
    if (outbound.contactId) params.ContactId = outbound.contactId;
    wireCall(s, await device.connect(params));
  } catch (error) {
    store().callDisconnected();
    resetDevice(s);
    toast.error(errorMessage(error, 'Could not place the call.'));
  }
}

export function hangUp(): void {
  const s = session;
  const call = s?.call;
  if (s) s.call = null;
  call?.disconnect();
  store().callDisconnected();
  s?.options.onCallFinished?.();
}

export function toggleMute(): void {
  const muted = store().activeCall?.muted ?? false;
  session?.call?.mute(!muted);
  store().muteToggled();
}

export function sendDigits(digits: string): void {
  session?.call?.sendDigits(digits);
}

export function chooseStatus(status: IntendedStatus): void {
  statusChosenByHand();
  store().statusChosen(status);
  session?.socket.emit('presence.set', { status });
}

export async function listAudioDevices(): Promise<AudioDevices> {
  const s = session;
  if (!s) return { inputs: [], outputs: [] };
  return (await startDevice(s)).listAudioDevices();
}

export async function chooseAudioDevice(kind: 'input' | 'output', id: string): Promise<void> {
  const s = session;
  if (!s) return;
  const device = await startDevice(s);
  await (kind === 'input' ? device.setInputDevice(id) : device.setOutputDevice(id));
}
