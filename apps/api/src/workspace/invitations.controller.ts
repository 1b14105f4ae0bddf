import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InvitationView } from '@ringtonic/contracts';
import { Access, NoApiKeys, RequirePermission, WorkspaceScoped } from '../common/decorators.js';
import type { WorkspaceAccess } from '../common/request-context.js';
import { UuidParam } from '../common/uuid-param.pipe.js';
import { CreateInvitationDto } from './dto/members.dto.js';
import { InvitationsService } from './invitations.service.js';
import { WorkspaceAccessGuard } from './workspace-access.guard.js';

@ApiTags('members')
@WorkspaceScoped(WorkspaceAccessGuard)
@RequirePermission('members.manage')
@NoApiKeys()
@Controller('api/v1/workspaces/:workspaceId/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @ApiOperation({ summary: 'Invite by email with a role; emailed when SMTP_URL is set, else kept in the outbox' })
  create(@Access() access: WorkspaceAccess, @Body() dto: CreateInvitationDto): Promise<InvitationView> {
    return this.invitations.create(access, dto.email, dto.role);
  }

  @Get()
  @ApiOperation({ summary: 'Pending invitations (the outbox), with their accept links' })
  async list(@Access() access: WorkspaceAccess): Promise<{ items: InvitationView[]; nextCursor: null }> {
    return { items: await this.invitations.list(access.workspaceId), nextCursor: null };
  }

  @Delete(':id')
  @HttpCode(204)
  revoke(@Access() access: WorkspaceAccess, @Param('id', UuidParam) id: string): Promise<void> {
    return this.invitations.revoke(access.workspaceId, id);
  }
}
