import type { Permission, Role } from '@ringtonic/contracts';
import { useDialer } from '../api/dialer';
import { dialNumber } from '../lib/dial';

const RECEIVES_CALLS: Role[] = ['owner', 'admin', 'agent'];

/** Whether this member runs the dialer widget at all (the voice session lives there). */
export function takesCalls(role: Role, permissions: Permission[]): boolean {
  return RECEIVES_CALLS.includes(role) && permissions.includes('calls.receive');
}

interface CallTarget {
  phone: string;
  name?: string | null;
  id?: string;
}

/**
 * For other pages (e.g. the Contacts page's row action): a function that opens the widget and
 * starts the call, or undefined when the dialer is not available to this member (hide the button).
 */
export function useCallAction(workspaceId: string, role: Role, permissions: Permission[]): ((target: CallTarget) => void) | undefined {
  const dialer = useDialer(workspaceId);
  const callerIds = dialer.data?.callerIds;
  if (!callerIds || !dialer.data?.available || !permissions.includes('calls.make') || !takesCalls(role, permissions)) return undefined;
  return (target) => void dialNumber(workspaceId, callerIds, { number: target.phone, name: target.name, contactId: target.id });
}
