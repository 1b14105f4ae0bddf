import { HttpStatus, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AiStatus } from '@ringtonic/contracts';
import type { JobWithMetadata } from 'pg-boss';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { DomainError, notFound } from '../common/domain-error.js';
import { returnedRows } from '../common/sql-rows.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { JobQueue } from '../jobs/job-queue.js';
import { RealtimeEmitter } from '../realtime/realtime.emitter.js';
import { RecordingFetchError, TwilioClientFactory } from '../telephony/twilio-client.factory.js';
import { WorkspaceService } from '../workspace/workspace.service.js';
import { AiEndpoints } from './ai-endpoints.js';
import { describeOpenAiError, OpenAiClient, type AnalysisResult } from './openai-client.js';

export const ANALYSIS_QUEUE = 'call-analysis';
/** Where pg-boss moves a job it gave up on by itself (it kept timing out), so the log says failed. */
const GIVEN_UP_QUEUE = 'call-analysis-given-up';

/** Analyses one instance runs at once: mostly waiting on the AI endpoint, so several. */
const CONCURRENCY = 4;

interface AnalysisJob {
  callLogId: string;
}

interface PipelineRow {
  id: string;
  workspace_id: string;
  contact_id: string | null;
  recording_sid: string | null;
  ai_status: AiStatus | null;
  ai_transcript: string | null;
}

/** Why an attempt cannot succeed however often it is retried. */
class PermanentFailure extends Error {}

/**
 * Recording → transcript → analysis, one durable job per call log (docs/ai.md). Each step's result
 * is stored before the next starts, so a job resumed on another instance never transcribes or
 * analyses twice, and a failure leaves the call itself untouched.
 */
@Injectable()
export class AiPipelineService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AiPipelineService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly workspaces: WorkspaceService,
    private readonly twilio: TwilioClientFactory,
    private readonly realtime: RealtimeEmitter,
    private readonly endpoints: AiEndpoints,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { aiRetryLimit, aiRetryDelaySeconds, aiJobTimeoutSeconds } = this.config.jobs;
    await this.jobs.createQueue(GIVEN_UP_QUEUE, { policy: 'standard', retryLimit: 5, retryDelay: 5 });
    await this.jobs.createQueue(ANALYSIS_QUEUE, {
      deadLetter: GIVEN_UP_QUEUE,
      policy: 'stately',
      retryLimit: aiRetryLimit,
      retryDelay: aiRetryDelaySeconds,
      retryBackoff: true,
      retryDelayMax: aiRetryDelaySeconds * 32,
      expireInSeconds: aiJobTimeoutSeconds,
    });
    await this.jobs.work<AnalysisJob>(ANALYSIS_QUEUE, CONCURRENCY, (job) => this.run(job));
    await this.jobs.work<AnalysisJob>(GIVEN_UP_QUEUE, 1, (job) => this.givenUp(job.data.callLogId));
  }

  /**
   * A recording arrived on a call: start its analysis when the workspace has AI on. Idempotent —
   * Twilio may post the callback twice; only the first moves the log to `pending` and queues a job,
   * in one transaction. True when it did (and told the workspace the log changed).
   */
  async startForRecording(callLogId: string): Promise<boolean> {
    return this.queue(
      `UPDATE call_logs l SET ai_status = 'pending', ai_error = NULL, updated_at = now()
         FROM workspaces w
        WHERE l.id = $1 AND w.id = l.workspace_id AND w.ai_enabled AND w.openai_api_key_enc IS NOT NULL
          AND l.recording_sid IS NOT NULL AND l.ai_status IS NULL
        RETURNING l.id, l.workspace_id`,
      [callLogId],
    );
  }

  /**
   * A person asks for an analysis: again after a failure (e.g. once the API key is fixed), or of a
   * call recorded before AI was turned on.
   */
  async retry(workspaceId: string, callLogId: string): Promise<void> {
    const queued = await this.queue(
      `UPDATE call_logs l SET ai_status = 'pending', ai_error = NULL, ai_attempts = 0, updated_at = now()
         FROM workspaces w
        WHERE l.workspace_id = $1 AND l.id = $2 AND w.id = l.workspace_id AND w.ai_enabled AND w.openai_api_key_enc IS NOT NULL
          AND (l.ai_status = 'failed' OR l.ai_status IS NULL) AND l.recording_sid IS NOT NULL
        RETURNING l.id, l.workspace_id`,
      [workspaceId, callLogId],
    );
    if (queued) return;
    const [row] = (await this.db.query(
      `SELECT l.ai_status, l.recording_sid IS NOT NULL AS recorded, w.ai_enabled AND w.openai_api_key_enc IS NOT NULL AS ai_on
         FROM call_logs l JOIN workspaces w ON w.id = l.workspace_id WHERE l.workspace_id = $1 AND l.id = $2`,
      [workspaceId, callLogId],
    )) as Array<{ ai_status: AiStatus | null; recorded: boolean; ai_on: boolean }>;
    if (!row) throw notFound('Call log');
    if (!row.recorded) throw new DomainError('NO_RECORDING', 'This call has no recording to analyse', HttpStatus.UNPROCESSABLE_ENTITY);
    if (!row.ai_on) throw new DomainError('AI_NOT_RETRYABLE', 'AI analysis is off: enable it with an API key in Settings → Basic', HttpStatus.UNPROCESSABLE_ENTITY);
    throw new DomainError('AI_NOT_RETRYABLE', `The analysis is ${row.ai_status}, not failed`, HttpStatus.CONFLICT);
  }

  /** Moves a log to `pending` and queues its job in one transaction: both or neither. */
  private async queue(sql: string, params: unknown[]): Promise<boolean> {
    const runner = this.db.createQueryRunner();
    let row: { id: string; workspace_id: string } | undefined;
    try {
      await runner.startTransaction();
      const client = (await runner.connect()) as PoolClient;
      row = (await client.query<{ id: string; workspace_id: string }>(sql, params)).rows[0];
      if (row) {
        const jobId = await this.jobs.send<AnalysisJob>(ANALYSIS_QUEUE, { callLogId: row.id }, { singletonKey: row.id }, client);
        if (!jobId) throw new Error(`An analysis job for call log ${row.id} is already queued`);
      }
      await runner.commitTransaction();
    } catch (e) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw e;
    } finally {
      await runner.release();
    }
    if (row) this.realtime.toWorkspace(row.workspace_id, 'calllog.updated', { id: row.id });
    return Boolean(row);
  }

  private async run(job: JobWithMetadata<AnalysisJob>): Promise<void> {
    const [log] = returnedRows<PipelineRow>(
      await this.db.query(
        `UPDATE call_logs SET ai_attempts = ai_attempts + 1 WHERE id = $1 AND ai_status IN ('pending', 'transcribing', 'analysing')
         RETURNING id, workspace_id, contact_id, recording_sid, ai_status, ai_transcript`,
        [job.data.callLogId],
      ),
    );
    if (!log) return; // done, failed, or gone: nothing to do (a duplicate or a stale job)
    const last = job.retryCount >= job.retryLimit;
    let apiKey: string | null = null;
    try {
      const settings = await this.workspaces.aiSecrets(log.workspace_id);
      if (!settings.enabled || !settings.apiKey) throw new PermanentFailure('AI analysis was turned off or has no API key');
      apiKey = settings.apiKey;
      const client = new OpenAiClient(settings, this.endpoints.fetch);
      let transcript = log.ai_transcript;
      if (transcript === null) {
        await this.setStatus(log, 'transcribing');
        const audio = await this.recordingAudio(log, job.signal);
        transcript = await client.transcribe(audio.bytes, `${log.recording_sid}.${audio.format}`, job.signal);
        await this.db.query(`UPDATE call_logs SET ai_transcript = $2 WHERE id = $1`, [log.id, transcript]);
      }
      await this.setStatus(log, 'analysing');
      const result = await client.analyse(transcript || '(nothing was said)', job.signal);
      await this.apply(log, result);
    } catch (e) {
      if (job.signal.aborted) throw e; // this instance is stopping: the queue hands the job on
      const { message, permanent } = e instanceof PermanentFailure ? { message: e.message, permanent: true } : describe(e, apiKey);
      if (permanent || last) {
        await this.fail(log, message);
        return;
      }
      await this.db.query(`UPDATE call_logs SET ai_error = $2 WHERE id = $1`, [log.id, `${message} (retrying)`]);
      this.realtime.toWorkspace(log.workspace_id, 'calllog.updated', { id: log.id });
      throw e;
    }
  }

  /** The queue expired the job's last attempt (an instance died or hung each time). */
  private async givenUp(callLogId: string): Promise<void> {
    const [log] = (await this.db.query(`SELECT id, workspace_id, ai_attempts FROM call_logs WHERE id = $1`, [callLogId])) as Array<PipelineRow & { ai_attempts: number }>;
    if (!log) return;
    const attempts = `${log.ai_attempts} attempt${log.ai_attempts === 1 ? '' : 's'}`;
    await this.fail(log, `The analysis did not finish within ${this.config.jobs.aiJobTimeoutSeconds} s (${attempts})`);
  }

  /** MP3 (a tenth of the WAV's size); an encrypted recording has only WAV (Twilio error 16109). */
  private async recordingAudio(log: PipelineRow, signal: AbortSignal): Promise<{ bytes: Buffer; format: 'mp3' | 'wav' }> {
    const creds = await this.workspaces.twilioCredentials(log.workspace_id);
    if (!creds.accountSid || !creds.authToken) throw new PermanentFailure('Twilio credentials are missing: the recording cannot be fetched');
    if (!log.recording_sid) throw new PermanentFailure('The call has no recording');
    const account = { accountSid: creds.accountSid, authToken: creds.authToken };
    let format: 'mp3' | 'wav' = 'mp3';
    let media: Response;
    try {
      media = await this.twilio.recordingMedia(account, log.recording_sid, format, signal);
    } catch (e) {
      if (!(e instanceof RecordingFetchError) || e.status !== 400) throw e;
      format = 'wav';
      media = await this.twilio.recordingMedia(account, log.recording_sid, format, signal);
    }
    return { bytes: Buffer.from(await media.arrayBuffer()), format };
  }

  private async setStatus(log: PipelineRow, status: AiStatus): Promise<void> {
    if (log.ai_status === status) return;
    await this.db.query(`UPDATE call_logs SET ai_status = $2, updated_at = now() WHERE id = $1 AND ai_status NOT IN ('done', 'failed')`, [log.id, status]);
    log.ai_status = status;
    this.realtime.toWorkspace(log.workspace_id, 'calllog.updated', { id: log.id });
  }

  /** The results, once: on the log's AI fields; a heard caller name also names an unnamed contact. */
  private async apply(log: PipelineRow, { analysis: a, model, sandbox }: AnalysisResult): Promise<void> {
    const applied = returnedRows<{ id: string }>(
      await this.db.query(
        `UPDATE call_logs SET ai_status = 'done', ai_error = NULL, ai_summary = $2, ai_lead_status = $3, ai_deal_value_cents = $4,
           ai_keywords = $5::text[], ai_tags = $6::text[], ai_caller_name = $7, ai_confidence = $8, ai_model = $9, ai_sandbox = $10,
           ai_analysed_at = now(), updated_at = now()
         WHERE id = $1 AND ai_status NOT IN ('done', 'failed') RETURNING id`,
        [log.id, a.summary, a.leadStatus, a.estimatedDealValue === null ? null : Math.round(a.estimatedDealValue * 100), a.keywords, a.tags, a.callerName, a.confidence, model, sandbox],
      ),
    );
    if (applied.length && a.callerName && log.contact_id) {
      // Only a contact with no name, or one the AI named before; a name a person typed stays.
      await this.db.query(
        `UPDATE contacts SET name = $3, name_set_by_ai = true, updated_at = now()
          WHERE workspace_id = $1 AND id = $2 AND (name IS NULL OR name_set_by_ai) AND name IS DISTINCT FROM $3`,
        [log.workspace_id, log.contact_id, a.callerName],
      );
    }
    this.realtime.toWorkspace(log.workspace_id, 'calllog.updated', { id: log.id });
  }

  private async fail(log: PipelineRow, reason: string): Promise<void> {
    this.logger.warn(`AI analysis of call log ${log.id} failed: ${reason}`);
    await this.db.query(`UPDATE call_logs SET ai_status = 'failed', ai_error = $2, updated_at = now() WHERE id = $1 AND ai_status <> 'done'`, [log.id, reason]);
    this.realtime.toWorkspace(log.workspace_id, 'calllog.updated', { id: log.id });
  }
}

function describe(e: unknown, apiKey: string | null): { message: string; permanent: boolean } {
  if (e instanceof RecordingFetchError) {
    return { message: e.message, permanent: e.status !== null && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429 };
  }
  return describeOpenAiError(e, apiKey);
}
