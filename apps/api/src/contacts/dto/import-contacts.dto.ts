import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';

/** One CSV row after the column mapping; values stay text and are checked row by row. */
export class ImportRowDto {
  @ApiProperty() @IsInt() @Min(1) row: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) company?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20_000) notes?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) leadStatus?: string;
  @ApiPropertyOptional({ description: 'In currency units, e.g. "5000" or "$1,250.50"' }) @IsOptional() @IsString() @MaxLength(100) dealValue?: string;
  @ApiPropertyOptional({ description: 'Separated by ; or ,' }) @IsOptional() @IsString() @MaxLength(2000) tags?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) nextFollowUpAt?: string;
}

export class ImportContactsDto {
  @ApiProperty({ type: [ImportRowDto], maxItems: 1000 })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ImportRowDto)
  rows: ImportRowDto[];

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() dryRun?: boolean;
}
