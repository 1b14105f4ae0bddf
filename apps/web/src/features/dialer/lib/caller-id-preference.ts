import { readStored, writeStored } from '@/lib/local-storage';

const key = (workspaceId: string) => `rt.callerId.${workspaceId}`;

/** The agent's manual caller ID choice (a tracking number id), kept until they change it. */
export function readCallerIdOverride(workspaceId: string): string | null {
  return readStored(key(workspaceId));
}

export function writeCallerIdOverride(workspaceId: string, phoneNumberId: string | null): void {
  writeStored(key(workspaceId), phoneNumberId);
}
