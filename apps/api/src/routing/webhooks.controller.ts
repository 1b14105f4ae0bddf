import { Body, Controller, Header, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/decorators.js';
import { emptyTwiml } from '../telephony/twiml.js';
import { TwilioSignatureGuard } from '../telephony/twilio-signature.guard.js';
import { AddressesTrackingNumber, TwilioScope, type TwilioWebhookScope } from '../telephony/twilio-webhook-scope.js';
import { CallEventsService, type TwilioParams } from './call-events.service.js';
import { ClientWebhookService } from './client-webhook.service.js';
import { InboundService } from './inbound.service.js';

/**
 * Twilio's webhooks. Every route is signature-checked before anything runs; bodies are Twilio's
 * form parameters, kept exactly as received (the signature covers them), so there is no DTO.
 * Each handler acts only within the workspace holding the signing account (`scope`).
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
  @AddressesTrackingNumber()
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  handleInbound(@TwilioScope() scope: TwilioWebhookScope, @Body() p: TwilioParams): Promise<string> {
    return this.inbound.handle(scope, p);
  }

  @Post('client')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  handleClient(@TwilioScope() scope: TwilioWebhookScope, @Body() p: TwilioParams): Promise<string> {
    return this.client.handle(scope, p);
  }

  /** <Number url> on a recorded outbound call: the callee hears the consent announcement. */
  @Post('whisper')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  handleWhisper(@TwilioScope() scope: TwilioWebhookScope, @Query('workspaceId') workspaceId?: unknown): Promise<string> {
    return this.client.whisper(scope, workspaceId);
  }

  @Post('status')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  async handleStatus(@TwilioScope() scope: TwilioWebhookScope, @Body() p: TwilioParams): Promise<string> {
    await this.events.status(scope, p);
    return emptyTwiml();
  }

  @Post('conference')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  async handleConference(@TwilioScope() scope: TwilioWebhookScope, @Body() p: TwilioParams): Promise<string> {
    await this.events.conference(scope, p);
    return emptyTwiml();
  }

  @Post('recording')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  async handleRecording(@TwilioScope() scope: TwilioWebhookScope, @Body() p: TwilioParams, @Query('callLogId') callLogId?: string): Promise<string> {
    // Conference recordings carry no CallSid: their callback URL names the call log (signed with it).
    await this.events.recording(scope, p, callLogId);
    return emptyTwiml();
  }

  @Post('voicemail')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  handleVoicemail(@TwilioScope() scope: TwilioWebhookScope, @Body() p: TwilioParams): Promise<string> {
    return this.events.voicemailDone(scope, p);
  }
}
