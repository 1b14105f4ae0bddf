import { Module } from '@nestjs/common';
import { AiModule } from '../ai/ai.module.js';
import { CallLogsModule } from '../call-logs/call-logs.module.js';
import { ContactsModule } from '../contacts/contacts.module.js';
import { DialerProvisioningModule } from '../dialer-provisioning/dialer-provisioning.module.js';
import { PresenceModule } from '../presence/presence.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { UsersModule } from '../users/users.module.js';
import { WorkspaceModule } from '../workspace/workspace.module.js';
import { CallControlService } from './call-control.service.js';
import { CallEventsService } from './call-events.service.js';
import { CallerNameService } from './caller-name.service.js';
import { CallsController } from './calls.controller.js';
import { ClientWebhookService } from './client-webhook.service.js';
import { InboundService } from './inbound.service.js';
import { RingStateService } from './ring-state.service.js';
import { TwilioWebhooksController } from './webhooks.controller.js';

@Module({
  imports: [AiModule, WorkspaceModule, UsersModule, DialerProvisioningModule, PresenceModule, RealtimeModule, ContactsModule, CallLogsModule],
  controllers: [TwilioWebhooksController, CallsController],
  providers: [RingStateService, InboundService, CallControlService, ClientWebhookService, CallEventsService, CallerNameService],
})
export class RoutingModule {}
