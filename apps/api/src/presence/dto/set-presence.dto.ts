import { ApiProperty } from '@nestjs/swagger';
import { INTENDED_STATUSES, type IntendedStatus } from '@ringtonic/contracts';
import { IsIn } from 'class-validator';

export class SetPresenceDto {
  @ApiProperty({ enum: INTENDED_STATUSES, description: 'In Call and Offline are set automatically' })
  @IsIn(INTENDED_STATUSES, { message: 'status must be online, away or dnd (In Call and Offline are automatic)' })
  status: IntendedStatus;
}
