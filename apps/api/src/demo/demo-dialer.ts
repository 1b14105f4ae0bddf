import type { INestApplicationContext } from '@nestjs/common';
import { DEFAULT_PERMISSION_TOGGLES, type WorkspaceView } from '@ringtonic/contracts';
import type { SandboxSeed } from '@ringtonic/sandbox';
import { CampaignsService } from '../dialer-provisioning/campaigns.service.js';
import { PhoneNumbersService } from '../dialer-provisioning/phone-numbers.service.js';
import type { UpdateWorkspaceDto } from '../workspace/dto/workspace-settings.dto.js';
import { WorkspaceService } from '../workspace/workspace.service.js';

// Fixed sandbox credentials, so the demo workspace keeps working across restarts.
export const DEMO_TWILIO = {
  accountSid: 'AC00000000000000000000000000000de0',
  authToken: '0000000000000000000000000000de01',
  apiKeySid: 'SK00000000000000000000000000000de0',
  apiKeySecret: 'ringtonic-demo-api-key-secret',
  numbers: ['+14155550100', '+14155550101', '+14155550102'],
};

export const DEMO_SANDBOX_SEED: SandboxSeed = {
  accounts: [
    {
      accountSid: DEMO_TWILIO.accountSid,
      authToken: DEMO_TWILIO.authToken,
      type: 'Full',
      friendlyName: 'Demo Agency (sandbox)',
      numbers: DEMO_TWILIO.numbers,
      keys: [{ sid: DEMO_TWILIO.apiKeySid, secret: DEMO_TWILIO.apiKeySecret, type: 'standard', friendlyName: 'Ring Tonic Dialer' }],
    },
  ],
};

/** The sandbox answers OpenAI's endpoints for any key starting with sk-. */
export const DEMO_OPENAI_KEY = 'sk-sandbox-demo';

/**
 * The demo workspace fully set up against the sandbox: credentials, API key, TwiML App,
 * three tracking numbers and two campaigns — so the dialer is ready on first start — and AI
 * analysis of recorded calls through the sandbox's OpenAI endpoints.
 */
export async function seedDemoDialer(app: INestApplicationContext, workspaceId: string, sandboxUrl: string): Promise<void> {
  const workspaces = app.get(WorkspaceService);
  const access = { workspaceId, role: 'owner' as const, userId: null, apiKeyId: null, toggles: DEFAULT_PERMISSION_TOGGLES };
  const current = await workspaces.get(workspaceId);
  // Saving re-runs provisioning every start (cheap; recreates the App if the sandbox lost it) and,
  // in the same pass, re-points the numbers to a new PUBLIC_URL/PORT and brings back numbers the
  // sandbox lost (its state file gone).
  const saved = await workspaces.update(
    access,
    {
      twilio: current.twilio.accountSid ? undefined : { accountSid: DEMO_TWILIO.accountSid, authToken: DEMO_TWILIO.authToken },
      dialer: current.dialer.apiKeySid ? { enabled: current.dialer.enabled } : { enabled: true, apiKeySid: DEMO_TWILIO.apiKeySid, apiKeySecret: DEMO_TWILIO.apiKeySecret },
      ...demoAi(current, `${sandboxUrl}/v1`),
    },
    { repointAlways: true, recreateMissing: true },
  );
  const numbers = app.get(PhoneNumbersService);
  if ((await numbers.count(workspaceId)) > 0) {
    // A ready save re-pointed them; otherwise (the dialer switched off in the demo) do it here.
    if (saved.dialer.status !== 'ready') await numbers.repoint(workspaceId, { recreateMissing: true });
    return;
  }
  const available = await numbers.twilioNumbers(workspaceId);
  const imported = await numbers.import(workspaceId, available.map((n) => n.sid));
  const campaigns = app.get(CampaignsService);
  const google = await campaigns.create(workspaceId, 'Google Ads');
  const facebook = await campaigns.create(workspaceId, 'Facebook Ads');
  const [first, second] = imported.items.sort((a, b) => a.e164.localeCompare(b.e164));
  if (first) await numbers.update(workspaceId, first.id, { campaignId: google.id, label: 'Google Ads landing page' });
  if (second) await numbers.update(workspaceId, second.id, { campaignId: facebook.id, label: 'Facebook lead form' });
}

/** First start: AI on, through the sandbox; later starts only follow the sandbox to a new port. */
function demoAi(current: WorkspaceView, baseUrl: string): Partial<UpdateWorkspaceDto> {
  if (!current.ai.openaiApiKeySet) {
    return {
      recordCalls: true,
      recordingAnnouncement: 'This call may be recorded for quality and training.',
      ai: { enabled: true, openaiApiKey: DEMO_OPENAI_KEY, baseUrl, transcriptionModel: 'whisper-1', analysisModel: 'gpt-4o-mini' },
    };
  }
  const local = current.ai.baseUrl?.startsWith('http://localhost:') && current.ai.baseUrl.endsWith('/v1');
  return local && current.ai.baseUrl !== baseUrl ? { ai: { baseUrl, openaiApiKey: DEMO_OPENAI_KEY } } : {};
}
