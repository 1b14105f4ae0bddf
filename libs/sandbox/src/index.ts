export { startSandbox, type Sandbox, type SandboxOptions } from './server.js';
export type { SandboxSeed } from './seed.js';
export { SandboxRequestClient, toSandboxUrl } from './twilio-client.js';
export { signWebhook } from './calls/webhook.js';
export { DEVICE_PATH } from './device/hub.js';
export type { ClientFrame as DeviceClientFrame, ServerFrame as DeviceServerFrame } from './device/protocol.js';
export type { CallStatus, PhoneAnswer, PhoneBehaviour } from './state/types.js';
