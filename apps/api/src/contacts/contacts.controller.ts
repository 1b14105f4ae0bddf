import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { BulkContactsResponse, ContactView, ImportContactsResponse, Page, TagSuggestions } from '@ringtonic/contracts';
import type { Response } from 'express';
import { Access, RequirePermission, WorkspaceScoped } from '../common/decorators.js';
import type { WorkspaceAccess } from '../common/request-context.js';
import { UuidParam } from '../common/uuid-param.pipe.js';
import { WorkspaceAccessGuard } from '../workspace/workspace-access.guard.js';
import { ContactsService } from './contacts.service.js';
import { ContactsTransferService } from './contacts-transfer.service.js';
import { BulkContactsDto } from './dto/bulk-contacts.dto.js';
import { CreateContactDto, UpdateContactDto } from './dto/create-contact.dto.js';
import { ImportContactsDto } from './dto/import-contacts.dto.js';
import { ContactFilterDto, ListContactsDto, TagPrefixDto } from './dto/list-contacts.dto.js';

@ApiTags('contacts')
@WorkspaceScoped(WorkspaceAccessGuard)
@Controller('api/v1/workspaces/:workspaceId/contacts')
export class ContactsController {
  constructor(
    private readonly contacts: ContactsService,
    private readonly transfer: ContactsTransferService,
  ) {}

  @Get()
  @RequirePermission('contacts.view')
  @ApiOperation({ summary: 'Search, filter and sort contacts (keyset pages: pass nextCursor back as cursor)' })
  list(@Access() access: WorkspaceAccess, @Query() q: ListContactsDto): Promise<Page<ContactView>> {
    return this.contacts.list(access.workspaceId, q);
  }

  @Post()
  @RequirePermission('contacts.edit')
  @ApiOperation({ summary: 'Create a contact; 409 CONTACT_EXISTS with existingContactId when the phone is taken' })
  create(@Access() access: WorkspaceAccess, @Body() dto: CreateContactDto): Promise<ContactView> {
    return this.contacts.create(access.workspaceId, dto, access.apiKeyId ? 'api' : 'manual');
  }

  @Get('export')
  @RequirePermission('contacts.view')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'CSV of every contact matching the filter' })
  async export(@Access() access: WorkspaceAccess, @Query() q: ContactFilterDto, @Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="contacts-${new Date().toISOString().slice(0, 10)}.csv"`);
    for await (const chunk of this.transfer.export(access.workspaceId, q)) {
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  }

  @Post('import')
  @HttpCode(200)
  @RequirePermission('contacts.edit')
  @ApiOperation({ summary: 'Import mapped CSV rows (dryRun to preview); reports rejected rows and why' })
  import(@Access() access: WorkspaceAccess, @Body() dto: ImportContactsDto): Promise<ImportContactsResponse> {
    return this.transfer.import(access.workspaceId, dto);
  }

  @Post('bulk')
  @HttpCode(200)
  @RequirePermission('contacts.edit')
  @ApiOperation({ summary: 'Add/remove tags, set lead status or delete many contacts (their call logs stay)' })
  bulk(@Access() access: WorkspaceAccess, @Body() dto: BulkContactsDto): Promise<BulkContactsResponse> {
    return this.contacts.bulk(access.workspaceId, dto);
  }

  @Get(':contactId')
  @RequirePermission('contacts.view')
  get(@Access() access: WorkspaceAccess, @Param('contactId', UuidParam) id: string): Promise<ContactView> {
    return this.contacts.get(access.workspaceId, id);
  }

  @Patch(':contactId')
  @RequirePermission('contacts.edit')
  update(@Access() access: WorkspaceAccess, @Param('contactId', UuidParam) id: string, @Body() dto: UpdateContactDto): Promise<ContactView> {
    return this.contacts.update(access.workspaceId, id, dto);
  }

  @Delete(':contactId')
  @HttpCode(204)
  @RequirePermission('contacts.edit')
  @ApiOperation({ summary: 'Delete a contact; its call logs stay, unlinked' })
  remove(@Access() access: WorkspaceAccess, @Param('contactId', UuidParam) id: string): Promise<void> {
    return this.contacts.remove(access.workspaceId, id);
  }
}

@ApiTags('contacts')
@WorkspaceScoped(WorkspaceAccessGuard)
@Controller('api/v1/workspaces/:workspaceId/tags')
export class TagsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  @RequirePermission('contacts.view')
  @ApiOperation({ summary: 'Tags used on contacts and calls, for autocomplete' })
  async list(@Access() access: WorkspaceAccess, @Query() q: TagPrefixDto): Promise<TagSuggestions> {
    return { items: await this.contacts.tagSuggestions(access.workspaceId, q.prefix, q.limit) };
  }
}
