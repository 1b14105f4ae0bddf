import type { CountryCode } from 'libphonenumber-js';
import { useWorkspace } from '../api/get-workspace';

/** Until the workspace has loaded (and the server's own default). */
export const DEFAULT_COUNTRY: CountryCode = 'US';

/** The workspace's default country: numbers typed or imported without + are read as its own. */
export function useWorkspaceCountry(workspaceId: string): CountryCode {
  return (useWorkspace(workspaceId).data?.defaultCountry as CountryCode | undefined) ?? DEFAULT_COUNTRY;
}
