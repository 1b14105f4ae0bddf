// Frames of the SandboxDevice WebSocket protocol (JSON text frames, see README.md).

export type ClientFrame =
  | { type: 'listen'; token: string }
  | { type: 'updateToken'; token: string }
  | { type: 'register' }
  | { type: 'unregister' }
  | { type: 'connect'; id: string; params?: Record<string, unknown> }
  | { type: 'accept'; callSid: string }
  | { type: 'reject'; callSid: string }
  | { type: 'hangup'; callSid: string }
  | { type: 'digits'; callSid: string; digits: string }
  | { type: 'mute'; callSid: string; muted: boolean }
  | { type: 'say'; callSid: string; text: string }
  | { type: 'ping' };

export type ServerFrame =
  | { type: 'connected'; identity: string; accountSid: string; ttl: number }
  | { type: 'tokenUpdated'; ttl: number }
  | { type: 'registered' }
  | { type: 'unregistered' }
  | { type: 'callCreated'; id: string; callSid: string; parameters: Record<string, string> }
  | { type: 'ringing'; callSid: string }
  | { type: 'accepted'; callSid: string }
  | { type: 'incoming'; callSid: string; parameters: Record<string, string>; customParameters: Record<string, string> }
  | { type: 'cancel'; callSid: string }
  | { type: 'disconnected'; callSid: string; status: string }
  | { type: 'error'; error: { code: number; message: string }; callSid?: string; id?: string }
  | { type: 'pong' };
