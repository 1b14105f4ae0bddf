import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RealtimeEmitterModule } from '../realtime/realtime-emitter.module.js';
import { UsersModule } from '../users/users.module.js';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysService } from './api-keys.service.js';
import { ApiKeyEntity } from './entities/api-key.entity.js';
import { InvitationEntity } from './entities/invitation.entity.js';
import { MembershipEntity } from './entities/membership.entity.js';
import { WorkspaceEntity } from './entities/workspace.entity.js';
import { InvitationMailer } from './invitation-mailer.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { MembersController } from './members.controller.js';
import { MembersService } from './members.service.js';
import { WorkspaceAccessGuard } from './workspace-access.guard.js';
import { WorkspaceService } from './workspace.service.js';
import { CreateWorkspaceController, WorkspaceSettingsController } from './workspaces.controller.js';

@Module({
  imports: [TypeOrmModule.forFeature([WorkspaceEntity, MembershipEntity, InvitationEntity, ApiKeyEntity]), UsersModule, RealtimeEmitterModule],
  controllers: [CreateWorkspaceController, WorkspaceSettingsController, MembersController, InvitationsController, ApiKeysController],
  providers: [WorkspaceService, MembersService, InvitationsService, ApiKeysService, InvitationMailer, WorkspaceAccessGuard],
  exports: [WorkspaceService, MembersService, InvitationsService, ApiKeysService, WorkspaceAccessGuard],
})
export class WorkspaceModule {}
