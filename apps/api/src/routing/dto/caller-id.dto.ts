import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CallerIdQueryDto {
  @ApiProperty({ example: '+12125550100', description: 'The number about to be dialled, any common format' })
  @IsString()
  @Length(2, 40)
  to: string;
}
