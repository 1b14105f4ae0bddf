import { Module } from '@nestjs/common';
import { WorkspaceModule } from '../workspace/workspace.module.js';
import { ContactsController, TagsController } from './contacts.controller.js';
import { ContactsService } from './contacts.service.js';
import { ContactsTransferService } from './contacts-transfer.service.js';

@Module({
  imports: [WorkspaceModule],
  controllers: [ContactsController, TagsController],
  providers: [ContactsService, ContactsTransferService],
  exports: [ContactsService],
})
export class ContactsModule {}
