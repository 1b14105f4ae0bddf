import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkspaceModule } from '../workspace/workspace.module.js';
import { CampaignsService } from './campaigns.service.js';
import { DialerHealthService } from './dialer-health.service.js';
import { DialerProvisioningController } from './dialer-provisioning.controller.js';
import { DialerProvisioningService } from './dialer-provisioning.service.js';
import { CampaignEntity } from './entities/campaign.entity.js';
import { PhoneNumberEntity } from './entities/phone-number.entity.js';
import { PhoneNumbersService } from './phone-numbers.service.js';
import { TwilioProbes } from './twilio-probe.js';

@Module({
  imports: [TypeOrmModule.forFeature([CampaignEntity, PhoneNumberEntity]), WorkspaceModule],
  controllers: [DialerProvisioningController],
  providers: [DialerProvisioningService, DialerHealthService, PhoneNumbersService, CampaignsService, TwilioProbes],
  exports: [DialerProvisioningService, DialerHealthService, PhoneNumbersService, CampaignsService],
})
export class DialerProvisioningModule {}
