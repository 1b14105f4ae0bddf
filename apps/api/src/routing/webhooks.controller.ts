import { Body, Controller, Header, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/decorators.js';
import { emptyTwiml } from '../telephony/twiml.js';
import { TwilioSignatureGuard } from '../telephony/twilio-signature.guard.js';
import { CallEventsService, type TwilioParams } from './call-events.service.js';
import { ClientWebhookService } from './client-webhook.service.js';
import { InboundService } from './inbound.service.js';

/**
 * Twilio's webhooks. Every route is signature-checked before anything runs; bodies are Twilio's
 * form parameters, kept exactly as received (the signature covers them), so there is no DTO.
 */
@ApiExcludeController()
@Public()
@UseGuards(TwilioSignatureGuard)
@Controller('webhooks/twilio/voice')
export class TwilioWebhooksController {
  constructor(
    private readonly inbound: InboundService,
    private readonly client: ClientWebhookService,
    private readonly events: CallEventsService,
  ) {}

  @Post('inbound')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  handleInbound(@Body() p: TwilioParams): Promise<string> {
    return this.inbound.handle(p);
  }

  @Post('client')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  handleClient(@Body() p: TwilioParams): Promise<string> {
    return this.client.handle(p);
  }

  /** <Number url> on a recorded outbound call: the callee hears the consent announcement. */
  @Post('whisper')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  handleWhisper(@Body() p: TwilioParams, @Query('workspaceId') workspaceId?: unknown): Promise<string> {
    return this.client.whisper(workspaceId, p);
  }

  @Post('status')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  async handleStatus(@Body() p: TwilioParams): Promise<string> {
    await this.events.status(p);
    return emptyTwiml();
  }

  @Post('conference')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  async handleConference(@Body() p: TwilioParams): Promise<string> {
    await this.events.conference(p);
    return emptyTwiml();
  }

  @Post('recording')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  async handleRecording(@Body() p: TwilioParams, @Query('callLogId') callLogId?: string): Promise<string> {
    // Conference recordings carry no CallSid: their callback URL names the call log (signed with it).
    await this.events.recording(p, callLogId);
    return emptyTwiml();
  }

  @Post('voicemail')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  handleVoicemail(@Body() p: TwilioParams): Promise<string> {
    return this.events.voicemailDone(p);
  }
}
