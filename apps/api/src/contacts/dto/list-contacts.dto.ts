import { ApiPropertyOptional } from '@nestjs/swagger';
import { CONTACT_SORTS, type ContactSort, LEAD_STATUSES, type LeadStatus, SORT_ORDERS, type SortOrder } from '@ringtonic/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';

export class ContactFilterDto {
  @ApiPropertyOptional({ description: 'Name, phone (any format) or email' }) @IsOptional() @IsString() @MaxLength(100) search?: string;
  @ApiPropertyOptional({ enum: CONTACT_SORTS, default: 'createdAt' }) @IsOptional() @IsIn(CONTACT_SORTS) sort?: ContactSort;
  @ApiPropertyOptional({ enum: SORT_ORDERS }) @IsOptional() @IsIn(SORT_ORDERS) order?: SortOrder;
  @ApiPropertyOptional({ enum: LEAD_STATUSES }) @IsOptional() @IsIn(LEAD_STATUSES) leadStatus?: LeadStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) tag?: string;
}

export class ListContactsDto extends ContactFilterDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(500) cursor?: string;
}

export class TagPrefixDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) prefix?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}
