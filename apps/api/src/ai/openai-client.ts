import { DEFAULT_AI_BASE_URL } from '@ringtonic/contracts';
import OpenAI, { APIConnectionError, APIError, toFile } from 'openai';
import type { AiSecrets } from '../workspace/workspace.service.js';
import { endpointRefusal, type EndpointFetch } from './guarded-fetch.js';
import { ANALYSIS_SCHEMA, ANALYSIS_SYSTEM_PROMPT, type CallAnalysis, InvalidModelOutput, parseAnalysis } from './analysis-schema.js';

/** The sandbox says so (system_fingerprint, models' owned_by); the UI labels its output. */
export const SANDBOX_MARK = 'ringtonic-sandbox';

export interface AnalysisResult {
  analysis: CallAnalysis;
  model: string;
  sandbox: boolean;
}

/**
 * The one place that speaks to an OpenAI-compatible endpoint (OpenAI, Azure, Ollama, vLLM, the
 * sandbox): retries are the job queue's, so the library's own are off.
 */
export class OpenAiClient {
  private readonly client: OpenAI;

  constructor(
    private readonly settings: Pick<AiSecrets, 'apiKey' | 'baseUrl' | 'transcriptionModel' | 'analysisModel'>,
    fetch: EndpointFetch,
  ) {
    // Only the workspace's own key: never the server's OPENAI_* environment.
    this.client = new OpenAI({
      apiKey: settings.apiKey ?? '',
      baseURL: baseUrlOf(settings),
      organization: null,
      project: null,
      adminAPIKey: null,
      webhookSecret: null,
      maxRetries: 0,
      timeout: 180_000,
      // Every connection checked on the address connected, redirects refused (guarded-fetch.ts).
      fetch,
    });
  }

  async transcribe(audio: Buffer, fileName: string, signal?: AbortSignal): Promise<string> {
    const file = await toFile(audio, fileName);
    const res = await this.client.audio.transcriptions.create({ file, model: this.settings.transcriptionModel }, { signal });
    return res.text.trim();
  }

  async analyse(transcript: string, signal?: AbortSignal): Promise<AnalysisResult> {
    const completion = await this.client.chat.completions.create(
      {
        model: this.settings.analysisModel,
        messages: [
          { role: 'system', content: ANALYSIS_SYSTEM_PROMPT },
          { role: 'user', content: transcript },
        ],
        response_format: { type: 'json_schema', json_schema: { name: 'call_analysis', strict: true, schema: ANALYSIS_SCHEMA } },
      },
      { signal },
    );
    const message = completion.choices[0]?.message;
    if (message?.refusal) throw new ModelRefusal(`The analysis model refused: ${message.refusal.slice(0, 300)}`);
    const content = message?.content;
    if (!content) throw new InvalidModelOutput('The analysis model answered with no content');
    return { analysis: parseAnalysis(content), model: completion.model, sandbox: completion.system_fingerprint === SANDBOX_MARK };
  }

  /** The models the endpoint lists (the settings' "Test connection"). */
  async models(): Promise<Array<{ id: string; ownedBy: string }>> {
    const models: Array<{ id: string; ownedBy: string }> = [];
    for await (const model of this.client.models.list({ timeout: 15_000 })) models.push({ id: model.id, ownedBy: model.owned_by });
    return models;
  }
}

export function baseUrlOf(settings: Pick<AiSecrets, 'baseUrl'>): string {
  return (settings.baseUrl ?? DEFAULT_AI_BASE_URL).replace(/\/+$/, '');
}

/** The model declined to analyse this transcript: asking again will not change its mind. */
export class ModelRefusal extends Error {}

export interface DescribedError {
  message: string;
  /** HTTP status from the endpoint, null when it could not be reached. */
  status: number | null;
  /** A retry cannot help (bad key, unknown model, bad request): fail now. */
  permanent: boolean;
}

/**
 * An OpenAI-compatible endpoint's failure in words a person can act on, and whether to retry. What
 * the endpoint said is cut short (it may be any server's page) and never repeats the key.
 */
export function describeOpenAiError(e: unknown, apiKey: string | null = null): DescribedError {
  const tidy = (text: string) => {
    const masked = apiKey ? text.split(apiKey).join('[key]') : text;
    return masked.length > 300 ? `${masked.slice(0, 300)}…` : masked;
  };
  const refused = endpointRefusal(e);
  if (refused) return { message: refused.message, status: null, permanent: true };
  if (e instanceof ModelRefusal) return { message: e.message, status: null, permanent: true };
  if (e instanceof APIConnectionError) return { message: tidy(`Could not reach the AI endpoint: ${e.message}`), status: null, permanent: false };
  if (e instanceof APIError) {
    const status = e.status ?? null;
    const message = tidy(status === null || e.message.startsWith(String(status)) ? e.message : `${status} ${e.message}`);
    const permanent = status !== null && status >= 400 && status < 500 && status !== 408 && status !== 409 && status !== 429;
    return { message, status, permanent };
  }
  return { message: tidy((e as Error).message ?? String(e)), status: null, permanent: false };
}
