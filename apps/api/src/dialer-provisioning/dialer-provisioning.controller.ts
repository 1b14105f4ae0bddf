import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CampaignView, DialerHealth, ImportNumbersResponse, PhoneNumberView, TwilioNumberView } from '@ringtonic/contracts';
import { Access, RequirePermission, WorkspaceScoped } from '../common/decorators.js';
import type { WorkspaceAccess } from '../common/request-context.js';
import { UuidParam } from '../common/uuid-param.pipe.js';
import { WorkspaceAccessGuard } from '../workspace/workspace-access.guard.js';
import { CampaignsService } from './campaigns.service.js';
import { DialerHealthService } from './dialer-health.service.js';
import { CampaignDto, ImportNumbersDto, UpdatePhoneNumberDto } from './dto/phone-numbers.dto.js';
import { PhoneNumbersService } from './phone-numbers.service.js';

type List<T> = { items: T[]; nextCursor: null };

@ApiTags('dialer setup')
@WorkspaceScoped(WorkspaceAccessGuard)
@Controller('api/v1/workspaces/:workspaceId')
export class DialerProvisioningController {
  constructor(
    private readonly health: DialerHealthService,
    private readonly numbers: PhoneNumbersService,
    private readonly campaigns: CampaignsService,
  ) {}

  @Get('dialer/health')
  @ApiOperation({ summary: 'One check per cause of "dialer not working", each with its fix' })
  dialerHealth(@Access() access: WorkspaceAccess): Promise<DialerHealth> {
    return this.health.health(access);
  }

  @Get('twilio-numbers')
  @RequirePermission('workspace.manage')
  @ApiOperation({ summary: "Numbers in the workspace's Twilio account" })
  async twilioNumbers(@Access() access: WorkspaceAccess): Promise<List<TwilioNumberView>> {
    return { items: await this.numbers.twilioNumbers(access.workspaceId), nextCursor: null };
  }

  @Post('phone-numbers/import')
  @HttpCode(200)
  @RequirePermission('workspace.manage')
  @ApiOperation({ summary: "Import numbers as tracking numbers and point their voice webhooks at this API" })
  importNumbers(@Access() access: WorkspaceAccess, @Body() dto: ImportNumbersDto): Promise<ImportNumbersResponse> {
    return this.numbers.import(access.workspaceId, dto.twilioSids);
  }

  @Get('phone-numbers')
  async listNumbers(@Access() access: WorkspaceAccess): Promise<List<PhoneNumberView>> {
    return { items: await this.numbers.list(access.workspaceId), nextCursor: null };
  }

  @Patch('phone-numbers/:id')
  @RequirePermission('workspace.manage')
  updateNumber(@Access() access: WorkspaceAccess, @Param('id', UuidParam) id: string, @Body() dto: UpdatePhoneNumberDto): Promise<PhoneNumberView> {
    return this.numbers.update(access.workspaceId, id, dto);
  }

  @Delete('phone-numbers/:id')
  @HttpCode(204)
  @RequirePermission('workspace.manage')
  removeNumber(@Access() access: WorkspaceAccess, @Param('id', UuidParam) id: string): Promise<void> {
    return this.numbers.remove(access.workspaceId, id);
  }

  @Get('campaigns')
  async listCampaigns(@Access() access: WorkspaceAccess): Promise<List<CampaignView>> {
    return { items: await this.campaigns.list(access.workspaceId), nextCursor: null };
  }

  @Post('campaigns')
  @RequirePermission('workspace.manage')
  createCampaign(@Access() access: WorkspaceAccess, @Body() dto: CampaignDto): Promise<CampaignView> {
    return this.campaigns.create(access.workspaceId, dto.name);
  }

  @Patch('campaigns/:id')
  @RequirePermission('workspace.manage')
  renameCampaign(@Access() access: WorkspaceAccess, @Param('id', UuidParam) id: string, @Body() dto: CampaignDto): Promise<CampaignView> {
    return this.campaigns.rename(access.workspaceId, id, dto.name);
  }

  @Delete('campaigns/:id')
  @HttpCode(204)
  @RequirePermission('workspace.manage')
  removeCampaign(@Access() access: WorkspaceAccess, @Param('id', UuidParam) id: string): Promise<void> {
    return this.campaigns.remove(access.workspaceId, id);
  }
}
