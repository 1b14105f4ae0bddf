import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsApiBaseUrl } from '../../common/validators.js';
import { AiSettingsDto } from '../../workspace/dto/workspace-settings.dto.js';

/**
 * Unsaved values from the settings form to try; anything left out comes from the saved settings.
 * A base URL other than the saved one is only tried with a key typed for it.
 */
export class AiConnectionTestDto extends PickType(AiSettingsDto, ['transcriptionModel', 'analysisModel'] as const) {
  @ApiPropertyOptional({ writeOnly: true }) @IsOptional() @IsString() @MinLength(8) @MaxLength(512) openaiApiKey?: string;

  @ApiPropertyOptional({ nullable: true, example: 'https://api.openai.com/v1' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsApiBaseUrl()
  baseUrl?: string | null;
}
