import type { ContactListQuery } from '@ringtonic/contracts';
import { useAuthStore } from '@/features/auth';
import { API_PREFIX, refreshSession } from '@/lib/api-client';
import { downloadBlob } from '@/lib/download';
import { contactsQueryString } from './get-contacts';

/** Downloads the CSV of the current filter through the API (with the session's bearer token). */
export async function downloadContactsCsv(workspaceId: string, query: ContactListQuery): Promise<void> {
  const accessToken = useAuthStore.getState().accessToken;
  const { search, leadStatus, tag, sort, order } = query;
  const url = `${API_PREFIX}/workspaces/${encodeURIComponent(workspaceId)}/contacts/export${contactsQueryString({ search, leadStatus, tag, sort, order })}`;
  const send = (token: string | null) => fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {}, credentials: 'include' });
  let response = await send(accessToken);
  if (response.status === 401) response = await send(await refreshSession());
  if (!response.ok) throw new Error(`Export failed (${response.status})`);
  downloadBlob(await response.blob(), `contacts-${new Date().toISOString().slice(0, 10)}.csv`);
}
