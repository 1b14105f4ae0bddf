import type { CountryCode } from 'libphonenumber-js';
import { useWorkspace } from '@/features/workspace/api/get-workspace';
import { DEFAULT_COUNTRY } from '../lib/phone';

/** The workspace's default country: numbers typed without + are read and shown as its own. */
export function useWorkspaceCountry(workspaceId: string): CountryCode {
  return (useWorkspace(workspaceId).data?.defaultCountry as CountryCode | undefined) ?? DEFAULT_COUNTRY;
}
