export * from './roles.js';
export * from './enums.js';
export * from './api.js';
export * from './events.js';
export * from './dialer.js';
export * from './contacts.js';
export * from './call-logs.js';
export * from './csv.js';
