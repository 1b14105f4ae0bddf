import { ApiPropertyOptional } from '@nestjs/swagger';
import { CALL_DIRECTIONS, CALL_STATUSES, type CallDirection, type CallStatus } from '@ringtonic/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class ListCallLogsDto {
  @ApiPropertyOptional({ description: 'Only calls this user made or answered' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'mine must be true or false' })
  mine?: boolean;

  @ApiPropertyOptional({ enum: CALL_DIRECTIONS }) @IsOptional() @IsIn(CALL_DIRECTIONS) direction?: CallDirection;
  @ApiPropertyOptional({ enum: CALL_STATUSES }) @IsOptional() @IsIn(CALL_STATUSES) status?: CallStatus;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'contactId must be a contact id' }) contactId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'agentId must be a user id' }) agentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'campaignId must be a campaign id' }) campaignId?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Calls started at or after' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Calls started before' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
}

export class ContactCallsDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

export class ReportRangeDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Default: 7 days ago' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Default: now' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}
