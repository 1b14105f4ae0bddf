import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { API_KEY_MAX_LIFETIME_DAYS, type ApiKeyView, type CreatedApiKey } from '@ringtonic/contracts';
import { IsISO8601, IsOptional, IsString, Length, ValidateIf } from 'class-validator';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Zapier integration' }) @IsString() @Length(1, 80) name: string;

  @ApiPropertyOptional({
    format: 'date-time',
    nullable: true,
    example: '2027-01-01T00:00:00.000Z',
    description: `When the key stops working (401 API_KEY_EXPIRED); in the future, at most ${API_KEY_MAX_LIFETIME_DAYS} days ahead. Omit or null: never.`,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true }, { message: 'expiresAt must be an ISO 8601 date-time' })
  expiresAt?: string | null;
}

/** OpenAPI shape of an API key (the secret itself is never listed). */
export class ApiKeyViewDto implements ApiKeyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'rt_AbCdEfG', description: 'The first 10 characters, to recognise the key' }) prefix: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Stamped at most once a minute' }) lastUsedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Null: never expires' }) expiresAt: string | null;
}

export class CreatedApiKeyDto extends ApiKeyViewDto implements CreatedApiKey {
  @ApiProperty({ description: 'The key itself: shown in this response only' }) key: string;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyViewDto] }) items: ApiKeyViewDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor: null;
}
