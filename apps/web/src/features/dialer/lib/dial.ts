import type { CallerIdOption } from '@ringtonic/contracts';
import type { CountryCode } from 'libphonenumber-js';
import { toast } from 'sonner';
import { errorMessage } from '@/lib/api-error';
import { getSmartCallerId } from '../api/dialer';
import { useDialerStore } from '../stores/dialer-store';
import { readCallerIdOverride } from './caller-id-preference';
import { placeCall } from './dialer-session';
import { formatPhone, toE164 } from './phone';

export interface DialRequest {
  number: string;
  name?: string | null;
  contactId?: string;
  /** How to read a number typed without + (the workspace's default country). */
  country?: CountryCode;
}

/** Manual override if it still exists, else smart caller ID (sticky / first), else the first number. */
async function resolveCallerId(workspaceId: string, callerIds: CallerIdOption[], to: string): Promise<string | null> {
  const override = callerIds.find((c) => c.id === readCallerIdOverride(workspaceId));
  if (override) return override.e164;
  try {
    return (await getSmartCallerId(workspaceId, to)).e164;
  } catch {
    return callerIds[0]?.e164 ?? null;
  }
}

/** Opens the widget and places the call; used by the keypad, contacts, recents and other pages. */
export async function dialNumber(workspaceId: string, callerIds: CallerIdOption[], request: DialRequest): Promise<void> {
  const to = toE164(request.number, request.country);
  if (!to) {
    toast.error('Enter a valid phone number.');
    return;
  }
  useDialerStore.getState().widgetOpened();
  const callerId = await resolveCallerId(workspaceId, callerIds, to);
  if (!callerId) {
    toast.error('No tracking number to call from. Import one on the Phone numbers page.');
    return;
  }
  try {
    await placeCall({ to, toFormatted: formatPhone(to, request.country), callerId, name: request.name, contactId: request.contactId });
  } catch (error) {
    toast.error(errorMessage(error, 'Could not place the call.'));
  }
}
