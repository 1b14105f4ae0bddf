import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';

export class ImportNumbersDto {
  @ApiProperty({ type: [String], example: ['PN0123456789abcdef0123456789abcdef'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100, { message: 'import at most 100 numbers per request' })
  @Matches(/^PN[0-9a-fA-F]{32}$/, { each: true, message: 'each twilioSids entry must be a Twilio number SID (PN + 32 hex)' })
  twilioSids: string[];
}

export class UpdatePhoneNumberDto {
  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('4', { message: 'campaignId must be a campaign id or null' })
  campaignId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Length(0, 80)
  label?: string | null;
}

export class CampaignDto {
  @ApiProperty({ example: 'Google Ads — Plumbing' }) @IsString() @Length(1, 120) name: string;
}
