import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { AiSettingsDto } from '../../workspace/dto/workspace-settings.dto.js';

/** Unsaved values from the settings form to try; anything left out comes from the saved settings. */
export class AiConnectionTestDto extends PickType(AiSettingsDto, ['baseUrl', 'transcriptionModel', 'analysisModel'] as const) {
  @ApiPropertyOptional({ writeOnly: true }) @IsOptional() @IsString() @MinLength(8) @MaxLength(512) openaiApiKey?: string;
}
