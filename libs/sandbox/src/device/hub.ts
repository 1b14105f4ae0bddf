import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { LiveCall } from '../calls/live-call.js';
import type { DeviceDirectory, RingOutcome } from '../calls/ring.js';
import type { Telephony } from '../calls/telephony.js';
import type { Store } from '../state/store.js';
import { TERMINAL_STATUSES, type CallStatus } from '../state/types.js';
import type { ClientFrame, ServerFrame } from './protocol.js';
import { TokenError, verifyAccessToken, type VerifiedToken } from './token.js';

export const DEVICE_PATH = '/device';

interface Session {
  ws: WebSocket;
  token: VerifiedToken | null;
  registered: boolean;
  calls: Map<string, LiveCall>;
}

interface Invitation {
  leg: LiveCall;
  sessions: Set<Session>;
  declined: Set<Session>;
  finish: (outcome: RingOutcome) => void;
}

// Browser devices over WebSocket: registration with an Access Token, outgoing connects into a
// TwiML App, incoming <Dial><Client> invitations, and in-call actions.
export class DeviceHub implements DeviceDirectory {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Set<Session>();
  private readonly invitations = new Map<string, Invitation>();

  constructor(
    private readonly store: Store,
    private readonly telephony: Telephony,
  ) {
    this.wss.on('connection', (ws) => this.attach(ws));
    telephony.engine.events.on('status', (call: LiveCall, status: CallStatus) => this.onStatus(call, status));
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    if (new URL(req.url ?? '/', 'http://x').pathname !== DEVICE_PATH) return false;
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
    return true;
  }

  list(): Array<{ identity: string; accountSid: string; registered: boolean; callSids: string[] }> {
    return [...this.sessions]
      .filter((s) => s.token)
      .map((s) => ({ identity: s.token!.identity, accountSid: s.token!.account.sid, registered: s.registered, callSids: [...s.calls.keys()] }));
  }

  ring(leg: LiveCall, identity: string, customParameters: Record<string, string>, signal: AbortSignal): Promise<RingOutcome> {
    const targets = [...this.sessions].filter(
      (s) => s.registered && s.token?.identity === identity && s.token.account.sid === leg.account.sid,
    );
    if (targets.length === 0 || signal.aborted) return Promise.resolve(signal.aborted ? 'canceled' : 'no-answer');
    return new Promise((resolve) => {
      const onAbort = () => invitation.finish('canceled');
      const invitation: Invitation = {
        leg, sessions: new Set(targets), declined: new Set(),
        finish: (outcome) => {
          if (this.invitations.get(leg.sid) !== invitation) return;
          this.invitations.delete(leg.sid);
          signal.removeEventListener('abort', onAbort);
          for (const s of invitation.sessions) {
            if (!s.calls.has(leg.sid) && !invitation.declined.has(s)) this.send(s, { type: 'cancel', callSid: leg.sid });
          }
          resolve(outcome);
        },
      };
      this.invitations.set(leg.sid, invitation);
      signal.addEventListener('abort', onAbort, { once: true });
      const r = leg.record;
      const parameters = {
        CallSid: r.sid, AccountSid: r.accountSid, From: r.from, To: r.to, ApiVersion: '2010-04-01',
        ...(Object.keys(customParameters).length ? { Params: new URLSearchParams(customParameters).toString() } : {}),
      };
      for (const s of targets) this.send(s, { type: 'incoming', callSid: r.sid, parameters, customParameters });
    });
  }

  async close(): Promise<void> {
    for (const s of this.sessions) s.ws.terminate();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private attach(ws: WebSocket): void {
    const session: Session = { ws, token: null, registered: false, calls: new Map() };
    this.sessions.add(session);
    ws.on('message', (data) => {
      let frame: ClientFrame;
      try {
        frame = JSON.parse(String(data)) as ClientFrame;
      } catch {
        return this.send(session, { type: 'error', error: { code: 31000, message: 'Frames must be JSON' } });
      }
      try {
        this.handle(session, frame);
      } catch (err) {
        const code = err instanceof TokenError ? err.code : 31000;
        const callSid = 'callSid' in frame ? frame.callSid : undefined;
        const id = frame.type === 'connect' ? frame.id : undefined;
        this.send(session, { type: 'error', error: { code, message: err instanceof Error ? err.message : String(err) }, callSid, id });
      }
    });
    ws.on('close', () => this.detach(session));
  }

  // A closed page: pending invitations count as rejected, live calls hang up.
  private detach(session: Session): void {
    this.sessions.delete(session);
    for (const [callSid, invitation] of this.invitations) {
      if (invitation.sessions.has(session)) this.decline(session, callSid);
    }
    for (const call of session.calls.values()) this.telephony.engine.hangup(call);
    session.calls.clear();
  }

  private handle(session: Session, frame: ClientFrame): void {
    const { engine } = this.telephony;
    if (frame.type === 'ping') return this.send(session, { type: 'pong' });
    if (frame.type === 'listen' || frame.type === 'updateToken') {
      const token = verifyAccessToken(this.store, frame.token);
      if (frame.type === 'updateToken' && session.token && session.token.identity !== token.identity) {
        throw new TokenError(20101, 'updateToken must keep the same identity');
      }
      session.token = token;
      if (frame.type === 'listen') {
        return this.send(session, { type: 'connected', identity: token.identity, accountSid: token.account.sid, ttl: token.ttlSeconds });
      }
      return this.send(session, { type: 'tokenUpdated', ttl: token.ttlSeconds });
    }
    const token = session.token;
    if (!token) throw new TokenError(31204, 'Send listen with an Access Token first');
    if (token.expiresAt < Date.now() / 1000) throw new TokenError(20104, 'Access Token expired');
    switch (frame.type) {
      case 'register':
        if (!token.voice.incoming?.allow) throw new TokenError(31201, 'The token does not allow incoming calls');
        session.registered = true;
        return this.send(session, { type: 'registered' });
      case 'unregister':
        session.registered = false;
        return this.send(session, { type: 'unregistered' });
      case 'connect':
        return this.connect(session, token, frame.id, frame.params ?? {});
      case 'accept':
        return this.accept(session, frame.callSid);
      case 'reject':
        return this.decline(session, frame.callSid);
      case 'hangup':
        return engine.hangup(this.owned(session, frame.callSid));
      case 'digits':
        return engine.digits(this.owned(session, frame.callSid), String(frame.digits).replace(/[^0-9*#]/g, ''));
      case 'mute':
        return engine.event(this.owned(session, frame.callSid), 'muted', { muted: Boolean(frame.muted) });
      case 'say':
        return engine.say(this.owned(session, frame.callSid), String(frame.text));
      default:
        throw new Error(`Unknown frame type ${(frame as { type: string }).type}`);
    }
  }

  private connect(session: Session, token: VerifiedToken, id: string, raw: Record<string, unknown>): void {
    const appSid = token.voice.outgoing?.application_sid;
    if (!appSid) throw new TokenError(31201, 'The token has no outgoing application');
    const app = this.store.applications.get(appSid);
    if (!app || app.accountSid !== token.account.sid) throw new TokenError(21218, `Application ${appSid} not found`);
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...(token.voice.outgoing?.params ?? {}), ...raw })) params[k] = String(v);
    const call = this.telephony.connectClient(token.account, app, token.identity, params);
    session.calls.set(call.sid, call);
    const r = call.record;
    this.send(session, { type: 'callCreated', id, callSid: r.sid, parameters: { CallSid: r.sid, AccountSid: r.accountSid, From: r.from, To: r.to } });
  }

  private accept(session: Session, callSid: string): void {
    const invitation = this.invitations.get(callSid);
    if (!invitation || !invitation.sessions.has(session)) throw new Error(`No pending incoming call ${callSid}`);
    session.calls.set(callSid, invitation.leg);
    invitation.finish('answered');
  }

  private decline(session: Session, callSid: string): void {
    const invitation = this.invitations.get(callSid);
    if (!invitation || !invitation.sessions.has(session)) return;
    invitation.declined.add(session);
    this.telephony.engine.event(invitation.leg, 'device-rejected', { identity: session.token?.identity });
    if (invitation.declined.size === invitation.sessions.size) invitation.finish('busy');
  }

  private owned(session: Session, callSid: string): LiveCall {
    const call = session.calls.get(callSid);
    if (!call) throw new Error(`Call ${callSid} is not on this device`);
    return call;
  }

  private onStatus(call: LiveCall, status: CallStatus): void {
    const parentSid = call.record.parentCallSid;
    for (const s of this.sessions) {
      if (status === 'ringing' && parentSid) {
        const parent = s.calls.get(parentSid);
        if (parent && !parent.isAnswered) this.send(s, { type: 'ringing', callSid: parentSid });
      }
      if (!s.calls.has(call.sid)) continue;
      if (status === 'in-progress') this.send(s, { type: 'accepted', callSid: call.sid });
      if (TERMINAL_STATUSES.includes(status)) {
        s.calls.delete(call.sid);
        this.send(s, { type: 'disconnected', callSid: call.sid, status });
      }
    }
  }

  private send(session: Session, frame: ServerFrame): void {
    if (session.ws.readyState === WebSocket.OPEN) session.ws.send(JSON.stringify(frame));
  }
}
