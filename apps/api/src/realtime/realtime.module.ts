import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { WorkspaceModule } from '../workspace/workspace.module.js';
import { RealtimeEmitterModule } from './realtime-emitter.module.js';
import { RealtimeGateway } from './realtime.gateway.js';
import { SocketAuthService } from './socket-auth.service.js';

@Module({
  imports: [AuthModule, WorkspaceModule, RealtimeEmitterModule],
  providers: [RealtimeGateway, SocketAuthService],
  exports: [RealtimeEmitterModule, SocketAuthService],
})
export class RealtimeModule {}
