import { ApiPropertyOptional } from '@nestjs/swagger';
import { LEAD_STATUSES, type LeadStatus } from '@ringtonic/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';

export class UpdateCallLogDto {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && value.trim() === '' ? null : value))
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(10_000)
  notes?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @ValidateIf((_, v) => v !== undefined)
  @Transform(({ value }) =>
    Array.isArray(value) ? [...new Set(value.map((t) => (typeof t === 'string' ? t.trim() : t)).filter((t) => t !== ''))] : value,
  )
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ enum: LEAD_STATUSES, nullable: true, description: 'Within 24 h of the call it also sets the contact\'s' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(LEAD_STATUSES)
  leadStatus?: LeadStatus | null;

  @ApiPropertyOptional({ nullable: true, description: 'Revenue attributed to this call, integer cents' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt({ message: 'dealValueCents must be a whole number of cents' })
  @Min(0)
  @Max(1_000_000_000_000)
  dealValueCents?: number | null;
}
