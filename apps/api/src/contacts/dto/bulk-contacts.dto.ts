import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BULK_CONTACT_ACTIONS, type BulkContactAction, LEAD_STATUSES, type LeadStatus } from '@ringtonic/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { CleanTags } from './contact-fields.js';

export class BulkContactsDto {
  @ApiProperty({ type: [String], maxItems: 1000 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'each id must be a contact id' })
  ids: string[];

  @ApiProperty({ enum: BULK_CONTACT_ACTIONS }) @IsIn(BULK_CONTACT_ACTIONS) action: BulkContactAction;

  @ApiPropertyOptional({ type: [String], description: 'For addTags / removeTags' })
  @ValidateIf((o: BulkContactsDto) => o.action === 'addTags' || o.action === 'removeTags' || o.tags !== undefined)
  @CleanTags()
  @IsArray()
  @ArrayMinSize(1, { message: 'tags must name at least one tag' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ enum: LEAD_STATUSES, description: 'For setLeadStatus' })
  @ValidateIf((o: BulkContactsDto) => o.action === 'setLeadStatus' || o.leadStatus !== undefined)
  @IsIn(LEAD_STATUSES)
  leadStatus?: LeadStatus;
}
