import type { AiConnectionTestRequest, WorkspaceView } from '@ringtonic/contracts';
import type { UpdateWorkspaceInput } from '@/features/workspace';

export const ACCOUNT_SID_PATTERN = /^AC[0-9a-fA-F]{32}$/;
export const ANNOUNCEMENT_MAX_LENGTH = 500;

export interface BasicSettingsValues {
  name: string;
  defaultCountry: string;
  ringTimeoutSeconds: number;
  recordCalls: boolean;
  recordingAnnouncement: string;
  accountSid: string;
  authToken: string;
  aiEnabled: boolean;
  openaiApiKey: string;
  aiBaseUrl: string;
  transcriptionModel: string;
  analysisModel: string;
}

export function toValues(workspace: WorkspaceView): BasicSettingsValues {
  return {
    name: workspace.name,
    defaultCountry: workspace.defaultCountry,
    ringTimeoutSeconds: workspace.ringTimeoutSeconds,
    recordCalls: workspace.recordCalls,
    recordingAnnouncement: workspace.recordingAnnouncement ?? '',
    accountSid: workspace.twilio.accountSid ?? '',
    authToken: '',
    aiEnabled: workspace.ai.enabled,
    openaiApiKey: '',
    aiBaseUrl: workspace.ai.baseUrl ?? '',
    transcriptionModel: workspace.ai.transcriptionModel,
    analysisModel: workspace.ai.analysisModel,
  };
}

function aiPatch(workspace: WorkspaceView, values: BasicSettingsValues): UpdateWorkspaceInput['ai'] {
  const ai: NonNullable<UpdateWorkspaceInput['ai']> = {};
  if (values.aiEnabled !== workspace.ai.enabled) ai.enabled = values.aiEnabled;
  if (values.openaiApiKey) ai.openaiApiKey = values.openaiApiKey;
  const baseUrl = values.aiBaseUrl.trim() || null;
  if (baseUrl !== workspace.ai.baseUrl) ai.baseUrl = baseUrl;
  const transcriptionModel = values.transcriptionModel.trim();
  if (transcriptionModel && transcriptionModel !== workspace.ai.transcriptionModel) ai.transcriptionModel = transcriptionModel;
  const analysisModel = values.analysisModel.trim();
  if (analysisModel && analysisModel !== workspace.ai.analysisModel) ai.analysisModel = analysisModel;
  return Object.keys(ai).length > 0 ? ai : undefined;
}

/** Only what changed; an empty Account SID, Auth Token or API key means "leave as is". */
export function basicSettingsPatch(workspace: WorkspaceView, values: BasicSettingsValues): UpdateWorkspaceInput {
  const patch: UpdateWorkspaceInput = {};
  const name = values.name.trim();
  if (name !== workspace.name) patch.name = name;
  if (values.defaultCountry !== workspace.defaultCountry) patch.defaultCountry = values.defaultCountry;
  if (values.ringTimeoutSeconds !== workspace.ringTimeoutSeconds) patch.ringTimeoutSeconds = values.ringTimeoutSeconds;
  if (values.recordCalls !== workspace.recordCalls) patch.recordCalls = values.recordCalls;
  const announcement = values.recordingAnnouncement.trim() || null;
  if (announcement !== workspace.recordingAnnouncement) patch.recordingAnnouncement = announcement;
  const twilio: NonNullable<UpdateWorkspaceInput['twilio']> = {};
  const accountSid = values.accountSid.trim();
  if (accountSid && accountSid !== (workspace.twilio.accountSid ?? '')) twilio.accountSid = accountSid;
  if (values.authToken) twilio.authToken = values.authToken;
  if (Object.keys(twilio).length > 0) patch.twilio = twilio;
  const ai = aiPatch(workspace, values);
  if (ai) patch.ai = ai;
  return patch;
}

/** The unsaved AI fields as overrides for POST …/ai/test (the saved key is used when none is typed). */
export function aiTestRequest(values: BasicSettingsValues): AiConnectionTestRequest {
  const request: AiConnectionTestRequest = { baseUrl: values.aiBaseUrl.trim() || null };
  if (values.openaiApiKey) request.openaiApiKey = values.openaiApiKey;
  if (values.transcriptionModel.trim()) request.transcriptionModel = values.transcriptionModel.trim();
  if (values.analysisModel.trim()) request.analysisModel = values.analysisModel.trim();
  return request;
}

export const SERVER_FIELDS: Record<string, keyof BasicSettingsValues> = {
  name: 'name',
  defaultCountry: 'defaultCountry',
  ringTimeoutSeconds: 'ringTimeoutSeconds',
  recordCalls: 'recordCalls',
  recordingAnnouncement: 'recordingAnnouncement',
  'twilio.accountSid': 'accountSid',
  'twilio.authToken': 'authToken',
  'ai.enabled': 'aiEnabled',
  'ai.openaiApiKey': 'openaiApiKey',
  'ai.baseUrl': 'aiBaseUrl',
  'ai.transcriptionModel': 'transcriptionModel',
  'ai.analysisModel': 'analysisModel',
};

const HTTP_URL = /^https?:\/\/[^\s/]+/i;

export function validateBaseUrl(value: string): true | string {
  const text = value.trim();
  if (text === '') return true;
  if (!HTTP_URL.test(text)) return 'Base URL must start with http:// or https://';
  try {
    const url = new URL(text);
    if (url.username || url.password || text.includes('?') || text.includes('#')) return 'Base URL takes no credentials, query or fragment';
  } catch {
    return 'Base URL is not a valid URL';
  }
  return true;
}

/** The saved key is only ever sent to the base URL it was saved with: a new URL needs the key again. */
export function validateKeyForBaseUrl(workspace: WorkspaceView) {
  return (key: string, values: BasicSettingsValues): true | string =>
    Boolean(key) || (values.aiBaseUrl.trim() || null) === workspace.ai.baseUrl || !workspace.ai.openaiApiKeySet || 'Enter the API key again to change the base URL';
}
