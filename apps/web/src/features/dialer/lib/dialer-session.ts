import type { CallRingingEvent, IntendedStatus, PresenceStatus } from '@ringtonic/contracts';
import { toast } from 'sonner';
import { ApiRequestError, errorMessage } from '@/lib/api-error';
import { acquireRealtime } from '@/lib/realtime';
import type { RealtimeSocket } from '@/lib/socket';
import { answerCall, getRingingCalls, rejectCall } from '../api/calls';
import { useDialerStore } from '../stores/dialer-store';
import type { AudioDevices, VoiceCall } from '../voice/voice-device';
import { heartbeat, statusChosenByHand, trackPresence } from './presence-tracker';
import { ringerSettled, startRinger } from './ringer';
import type { PresenceTiming } from './timing';
import { holdVoiceDevice, type VoiceDeviceHolder } from './voice-device-holder';

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
  voice: VoiceDeviceHolder;
  call: VoiceCall | null;
  /** The running presence tracker, restarted alone when the server's timings change. */
  presence: { timing: PresenceTiming; stop: () => void };
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

function listen(s: Session): void {
  const { socket, options } = s;
  const onConnect = () => {
    store().socketConnected();
    heartbeat(socket);
    void restoreRingingCalls(options.workspaceId);
  };
  const onDisconnect = () => store().socketDisconnected();
  const onRinging = (call: CallRingingEvent) => store().incomingCallReceived(call);
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
  const presence = { timing: options.timing, stop: trackPresence(socket, options.timing) };
  const s: Session = { options, socket, voice: holdVoiceDevice(options.workspaceId), call: null, presence, cleanups: [] };
  session = s;
  listen(s);
  void s.voice.get().catch(() => undefined);

  // Ring (and alert) while a card is shown and no call is up, in one tab of this browser.
  s.cleanups.push(startRinger(options.userId));
  // Last, so every listener above is off before the shared socket may disconnect.
  s.cleanups.push(realtime.release);
  return () => {
    if (session === s) stopDialerSession();
  };
}

/** New heartbeat / auto-away timings from GET …/dialer: only the presence tracker restarts (a call stays up). */
export function updatePresenceTiming(timing: PresenceTiming): void {
  const s = session;
  if (!s) return;
  const { heartbeatSeconds, autoAwaySeconds } = s.presence.timing;
  if (heartbeatSeconds === timing.heartbeatSeconds && autoAwaySeconds === timing.autoAwaySeconds) return;
  s.presence.stop();
  s.presence = { timing, stop: trackPresence(s.socket, timing) };
}

export function stopDialerSession(): void {
  const s = session;
  if (!s) return;
  session = null;
  s.presence.stop();
  s.cleanups.forEach((cleanup) => cleanup());
  s.voice.stop();
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
  ringerSettled(call.callId);
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
    const device = await s.voice.get();
    wireCall(s, await device.connect({ answerCallId: call.callId }));
  } catch (error) {
    store().callDisconnected();
    s.voice.reset();
    toast.error(errorMessage(error, 'Could not connect the call.'));
  }
}

export async function rejectRingingCall(callId: string): Promise<void> {
  const s = current();
  store().callRejected(callId);
  ringerSettled(callId);
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
    const device = await s.voice.get();
    const params: Record<string, string> = { To: outbound.to, CallerId: outbound.callerId };
    if (outbound.contactId) params.ContactId = outbound.contactId;
    wireCall(s, await device.connect(params));
  } catch (error) {
    store().callDisconnected();
    s.voice.reset();
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
  return (await s.voice.get()).listAudioDevices();
}

export async function chooseAudioDevice(kind: 'input' | 'output', id: string): Promise<void> {
  const s = session;
  if (!s) return;
  const device = await s.voice.get();
  await (kind === 'input' ? device.setInputDevice(id) : device.setOutputDevice(id));
}
