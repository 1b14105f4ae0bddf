import { ApiPropertyOptional } from '@nestjs/swagger';
import { PLANS, type Plan } from '@ringtonic/contracts';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsApiBaseUrl, IsSupportedCountry, SecretAlongside } from '../../common/validators.js';

export class PermissionTogglesDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() managerViewContacts?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() managerEditContacts?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() managerViewCallLogs?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() memberViewContacts?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() memberViewCallLogs?: boolean;
}

export class TwilioSettingsDto {
  @ApiPropertyOptional({
    example: 'AC0123456789abcdef0123456789abcdef',
    nullable: true,
    description:
      'Changing it needs authToken in the same request. The pair is verified with Twilio (GET /Accounts/{sid}) before anything is saved: ' +
      '422 TWILIO_REJECTED with Twilio\'s error when wrong, 502 TWILIO_UNREACHABLE, 409 TWILIO_ACCOUNT_TAKEN when another workspace holds the account (one Twilio account per workspace, or use a subaccount)',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^AC[0-9a-fA-F]{32}$/, { message: 'accountSid must be "AC" followed by 32 hexadecimal characters' })
  accountSid?: string | null;

  @ApiPropertyOptional({ description: 'Write-only; null clears it. A new token is verified with Twilio first (see accountSid)', nullable: true, writeOnly: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MinLength(8, { message: 'authToken looks too short to be a Twilio Auth Token' })
  @MaxLength(128)
  authToken?: string | null;
}

export class DialerSettingsDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;

  @ApiPropertyOptional({ example: 'SK0123456789abcdef0123456789abcdef', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^SK[0-9a-fA-F]{32}$/, { message: 'apiKeySid must be "SK" followed by 32 hexadecimal characters' })
  apiKeySid?: string | null;

  @ApiPropertyOptional({ description: 'Write-only; null clears it', nullable: true, writeOnly: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MinLength(8)
  @MaxLength(256)
  apiKeySecret?: string | null;
}

export class AiSettingsDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;

  @ApiPropertyOptional({ description: 'Write-only; null clears it', nullable: true, writeOnly: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MinLength(8)
  @MaxLength(512)
  openaiApiKey?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'https://api.openai.com/v1', description: 'Changing it needs openaiApiKey in the same request' })
  @IsOptional()
  @SecretAlongside('openaiApiKey')
  @ValidateIf((_, v) => v !== null)
  @IsApiBaseUrl()
  baseUrl?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) transcriptionModel?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) analysisModel?: string;
}

export class UpdateWorkspaceDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 120) name?: string;

  @ApiPropertyOptional({ enum: PLANS, description: 'Owner only' })
  @IsOptional()
  @IsIn(PLANS)
  plan?: Plan;

  @ApiPropertyOptional({ example: 'US', description: 'ISO 3166 alpha-2, used for numbers typed without +' })
  @IsOptional()
  @IsSupportedCountry()
  defaultCountry?: string;

  @ApiPropertyOptional({ minimum: 5, maximum: 120 })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(120)
  ringTimeoutSeconds?: number;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() recordCalls?: boolean;

  @ApiPropertyOptional({ nullable: true, maxLength: 500, description: 'Said to the caller before a recorded call connects (consent); null = none' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(500)
  recordingAnnouncement?: string | null;

  @ApiPropertyOptional({ type: PermissionTogglesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PermissionTogglesDto)
  permissions?: PermissionTogglesDto;

  @ApiPropertyOptional({ type: TwilioSettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TwilioSettingsDto)
  twilio?: TwilioSettingsDto;

  @ApiPropertyOptional({ type: DialerSettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DialerSettingsDto)
  dialer?: DialerSettingsDto;

  @ApiPropertyOptional({ type: AiSettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AiSettingsDto)
  ai?: AiSettingsDto;
}

export class CreateWorkspaceDto {
  @ApiPropertyOptional({ example: 'Acme Call Tracking' })
  @IsString()
  @Length(1, 120)
  name: string;
}
