import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEAD_STATUSES, type LeadStatus } from '@ringtonic/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { CleanTags, MAX_DEAL_VALUE_CENTS, TrimToNull } from './contact-fields.js';

export class ContactFieldsDto {
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @TrimToNull() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(200) name?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'john@example.com' })
  @IsOptional()
  @TrimToNull()
  @ValidateIf((_, v) => v !== null)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @TrimToNull() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(200) company?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @TrimToNull() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(10_000) notes?: string | null;
  @ApiPropertyOptional({ enum: LEAD_STATUSES }) @ValidateIf((_, v) => v !== undefined) @IsIn(LEAD_STATUSES) leadStatus?: LeadStatus;

  @ApiPropertyOptional({ nullable: true, description: 'Integer cents', example: 500000 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt({ message: 'dealValueCents must be a whole number of cents' })
  @Min(0)
  @Max(MAX_DEAL_VALUE_CENTS)
  dealValueCents?: number | null;

  @ApiPropertyOptional({ type: [String], example: ['VIP'] })
  @ValidateIf((_, v) => v !== undefined)
  @CleanTags()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ nullable: true, format: 'date-time' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true }, { message: 'nextFollowUpAt must be an ISO 8601 date' })
  nextFollowUpAt?: string | null;
}

export class CreateContactDto extends ContactFieldsDto {
  @ApiProperty({ example: '(212) 555-1234', description: 'Any common format; normalised to E.164 with the workspace country' })
  @IsString()
  @Length(1, 40)
  phone: string;
}

export class UpdateContactDto extends ContactFieldsDto {
  @ApiPropertyOptional({ example: '+12125551234' }) @ValidateIf((_, v) => v !== undefined) @IsString() @Length(1, 40) phone?: string;
}
