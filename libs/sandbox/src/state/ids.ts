import { randomBytes } from 'node:crypto';

export type SidPrefix = 'AC' | 'AP' | 'PN' | 'CA' | 'SK' | 'RE' | 'CF' | 'CR';

// Twilio SIDs: a 2-letter prefix followed by 32 hex characters.
export function newSid(prefix: SidPrefix): string {
  return prefix + randomBytes(16).toString('hex');
}

export function newSecret(): string {
  return randomBytes(16).toString('hex');
}

export function isSid(value: string, prefix: SidPrefix): boolean {
  return new RegExp(`^${prefix}[0-9a-fA-F]{32}$`).test(value);
}
