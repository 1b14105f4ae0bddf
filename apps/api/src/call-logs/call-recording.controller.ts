import { Controller, Get, HttpStatus, Logger, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Access, RequirePermission, WorkspaceScoped } from '../common/decorators.js';
import { DomainError, notFound } from '../common/domain-error.js';
import type { WorkspaceAccess } from '../common/request-context.js';
import { UuidParam } from '../common/uuid-param.pipe.js';
import { RecordingFetchError, TwilioClientFactory } from '../telephony/twilio-client.factory.js';
import { WorkspaceAccessGuard } from '../workspace/workspace-access.guard.js';
import { WorkspaceService } from '../workspace/workspace.service.js';

/** A call's audio, streamed through the API with the caller's permissions (never Twilio's URL). */
@ApiTags('call-logs')
@WorkspaceScoped(WorkspaceAccessGuard)
@Controller('api/v1/workspaces/:workspaceId/call-logs')
export class CallRecordingController {
  private readonly logger = new Logger(CallRecordingController.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workspaces: WorkspaceService,
    private readonly twilio: TwilioClientFactory,
  ) {}

  @Get(':callLogId/recording')
  @RequirePermission('callLogs.view')
  @ApiProduces('audio/wav')
  @ApiOperation({ summary: 'The call recording or voicemail (audio/wav), fetched from Twilio with the workspace credentials' })
  async recording(@Access() access: WorkspaceAccess, @Param('callLogId', UuidParam) id: string, @Res() res: Response): Promise<void> {
    const [row] = (await this.db.query(`SELECT recording_sid FROM call_logs WHERE workspace_id = $1 AND id = $2`, [access.workspaceId, id])) as Array<{
      recording_sid: string | null;
    }>;
    if (!row) throw notFound('Call log');
    if (!row.recording_sid) throw new DomainError('NO_RECORDING', 'This call has no recording', HttpStatus.NOT_FOUND);
    const creds = await this.workspaces.twilioCredentials(access.workspaceId);
    if (!creds.accountSid || !creds.authToken) throw new DomainError('TWILIO_REJECTED', 'Twilio credentials are missing', HttpStatus.CONFLICT);
    // The download stops when the listener goes away (the upstream is cancelled, not left open).
    const listener = new AbortController();
    res.on('close', () => listener.abort());
    let media: globalThis.Response;
    try {
      media = await this.twilio.recordingMedia({ accountSid: creds.accountSid, authToken: creds.authToken }, row.recording_sid, 'wav', listener.signal);
    } catch (e) {
      if (listener.signal.aborted) return;
      if (e instanceof RecordingFetchError && e.status === 404) throw new DomainError('NO_RECORDING', 'Twilio no longer has this recording', HttpStatus.NOT_FOUND);
      throw new DomainError('TWILIO_UNREACHABLE', (e as Error).message, HttpStatus.BAD_GATEWAY);
    }
    res.status(200).set({
      'Content-Type': 'audio/wav',
      'Cache-Control': 'private, max-age=3600',
      'Content-Disposition': `inline; filename="${row.recording_sid}.wav"`,
      ...(media.headers.get('content-length') ? { 'Content-Length': media.headers.get('content-length')! } : {}),
    });
    if (!media.body) return void res.end();
    try {
      await pipeline(Readable.fromWeb(media.body as WebReadableStream), res);
    } catch (e) {
      if (!listener.signal.aborted) this.logger.warn(`Recording ${row.recording_sid} stopped mid-stream: ${(e as Error).message}`);
      res.destroy();
    }
  }
}
