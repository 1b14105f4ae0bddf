import { getDialer } from '../api/dialer';
import { dialNumber } from './dial';

/** For other pages (e.g. the Contacts page's row action): opens the widget and starts the call. */
export async function callFromElsewhere(workspaceId: string, contact: { phone: string; name?: string | null; id?: string }): Promise<void> {
  const dialer = await getDialer(workspaceId);
  await dialNumber(workspaceId, dialer.callerIds, { number: contact.phone, name: contact.name, contactId: contact.id });
}
