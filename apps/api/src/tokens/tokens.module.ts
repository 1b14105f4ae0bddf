import { Module } from '@nestjs/common';
import { DialerProvisioningModule } from '../dialer-provisioning/dialer-provisioning.module.js';
import { WorkspaceModule } from '../workspace/workspace.module.js';
import { TokensController } from './tokens.controller.js';
import { TokensService } from './tokens.service.js';

@Module({
  imports: [WorkspaceModule, DialerProvisioningModule],
  controllers: [TokensController],
  providers: [TokensService],
})
export class TokensModule {}
