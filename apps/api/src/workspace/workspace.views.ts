import type { DialerStatus, MemberView, WorkspaceView } from '@ringtonic/contracts';
import type { WorkspaceEntity } from './entities/workspace.entity.js';

export function toWorkspaceView(w: WorkspaceEntity): WorkspaceView {
  return {
    id: w.id,
    name: w.name,
    plan: w.plan,
    defaultCountry: w.defaultCountry,
    ringTimeoutSeconds: w.ringTimeoutSeconds,
    recordCalls: w.recordCalls,
    recordingAnnouncement: w.recordingAnnouncement,
    permissions: w.permissionToggles,
    twilio: {
      accountSid: w.twilioAccountSid,
      authTokenSet: w.twilioAuthTokenEnc !== null,
      accountType: w.twilioAccountType,
    },
    dialer: {
      enabled: w.dialerEnabled,
      apiKeySid: w.apiKeySid,
      apiKeySecretSet: w.apiKeySecretEnc !== null,
      twimlAppSid: w.twimlAppSid,
      status: w.dialerStatus,
      statusMessage: w.dialerStatusMessage,
    },
    ai: {
      enabled: w.aiEnabled,
      openaiApiKeySet: w.openaiApiKeyEnc !== null,
      baseUrl: w.aiBaseUrl,
      transcriptionModel: w.aiTranscriptionModel,
      analysisModel: w.aiAnalysisModel,
    },
    createdAt: w.createdAt.toISOString(),
  };
}

/**
 * What the dialer still lacks before Twilio can be asked, in the seed's words; null when every
 * prerequisite is there and provisioning the TwiML Application decides (dialer-provisioning).
 */
export function dialerPrerequisites(w: WorkspaceEntity): { status: DialerStatus; message: string | null } | null {
  if (!w.dialerEnabled) return { status: 'disabled', message: null };
  const missing: string[] = [];
  if (w.plan !== 'agency') missing.push('The Browser Dialer needs the Agency plan.');
  if (!w.twilioAccountSid || !w.twilioAuthTokenEnc)
    missing.push('Add your Twilio Account SID and Auth Token in the Basic tab.');
  if (!w.apiKeySid || !w.apiKeySecretEnc) missing.push('Add your Twilio API Key SID and Secret in the Dialer tab.');
  return missing.length ? { status: 'not_ready', message: missing.join(' ') } : null;
}

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: MemberView['role'];
  joinedAt: Date;
}

export const toMemberView = (m: MemberRow): MemberView => ({
  userId: m.userId,
  name: m.name,
  email: m.email,
  role: m.role,
  joinedAt: m.joinedAt.toISOString(),
});
