import { Module } from '@nestjs/common';
import { CallLogsModule } from '../call-logs/call-logs.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { WorkspaceModule } from '../workspace/workspace.module.js';
import { AiConnectionService } from './ai-connection.service.js';
import { AiEndpoints } from './ai-endpoints.js';
import { AiController } from './ai.controller.js';
import { AiPipelineService } from './ai-pipeline.service.js';

@Module({
  imports: [WorkspaceModule, CallLogsModule, RealtimeModule],
  controllers: [AiController],
  providers: [AiPipelineService, AiConnectionService, AiEndpoints],
  exports: [AiPipelineService],
})
export class AiModule {}
