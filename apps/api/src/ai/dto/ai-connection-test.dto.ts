import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, Length, MaxLength, MinLength, ValidateIf } from 'class-validator';

/** Unsaved values from the settings form to try; anything left out comes from the saved settings. */
export class AiConnectionTestDto {
  @ApiPropertyOptional({ writeOnly: true }) @IsOptional() @IsString() @MinLength(8) @MaxLength(512) openaiApiKey?: string;

  @ApiPropertyOptional({ nullable: true, example: 'https://api.openai.com/v1' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  baseUrl?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) transcriptionModel?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) analysisModel?: string;
}
