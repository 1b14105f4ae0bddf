import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module.js';
import { WorkspaceModule } from '../workspace/workspace.module.js';
import { CallLogsController, ContactCallsController } from './call-logs.controller.js';
import { CallRecordingController } from './call-recording.controller.js';
import { CallLifecycleService } from './call-lifecycle.service.js';
import { CallLogsService } from './call-logs.service.js';
import { ReportsController } from './reports/reports.controller.js';
import { ReportsService } from './reports/reports.service.js';

@Module({
  imports: [WorkspaceModule, ContactsModule],
  controllers: [CallLogsController, CallRecordingController, ContactCallsController, ReportsController],
  providers: [CallLogsService, CallLifecycleService, ReportsService],
  exports: [CallLogsService, CallLifecycleService],
})
export class CallLogsModule {}
