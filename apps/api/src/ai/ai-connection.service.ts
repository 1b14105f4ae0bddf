import { Injectable } from '@nestjs/common';
import type { AiConnectionTestResult } from '@ringtonic/contracts';
import { WorkspaceService } from '../workspace/workspace.service.js';
import { AiEndpoints } from './ai-endpoints.js';
import type { AiConnectionTestDto } from './dto/ai-connection-test.dto.js';
import { baseUrlOf, describeOpenAiError, OpenAiClient, SANDBOX_MARK } from './openai-client.js';

/** Settings → "Test connection": list the endpoint's models with the key, report the exact error. */
@Injectable()
export class AiConnectionService {
  constructor(
    private readonly workspaces: WorkspaceService,
    private readonly endpoints: AiEndpoints,
  ) {}

  async test(workspaceId: string, overrides: AiConnectionTestDto): Promise<AiConnectionTestResult> {
    const saved = await this.workspaces.aiSecrets(workspaceId);
    const settings = {
      apiKey: overrides.openaiApiKey ?? saved.apiKey,
      baseUrl: overrides.baseUrl !== undefined ? overrides.baseUrl : saved.baseUrl,
      transcriptionModel: overrides.transcriptionModel ?? saved.transcriptionModel,
      analysisModel: overrides.analysisModel ?? saved.analysisModel,
    };
    const baseUrl = baseUrlOf(settings);
    const result = { baseUrl, missingModels: [] as string[], sandbox: false, status: null as number | null, error: null as string | null };
    if (!settings.apiKey) return { ...result, ok: false, error: 'No API key: enter the OpenAI API key first' };
    // The saved key only ever goes to the endpoint it was saved for.
    if (!overrides.openaiApiKey && baseUrl !== baseUrlOf(saved)) {
      return { ...result, ok: false, error: 'Enter the API key to try a different base URL (the saved key is only sent to the saved one)' };
    }
    try {
      const models = await new OpenAiClient(settings, this.endpoints.fetch).models();
      const ids = new Set(models.map((m) => m.id));
      const missingModels = [settings.transcriptionModel, settings.analysisModel].filter((m) => !ids.has(m));
      return { ...result, ok: true, status: 200, missingModels, sandbox: models.some((m) => m.ownedBy === SANDBOX_MARK) };
    } catch (e) {
      const d = describeOpenAiError(e, settings.apiKey);
      return { ...result, ok: false, status: d.status, error: d.message };
    }
  }
}
