import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@ringtonic/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, MaxLength } from 'class-validator';

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
}

export class CreateInvitationDto {
  @ApiProperty({ example: 'agent@example.com' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: ROLES, example: 'agent' }) @IsIn(ROLES) role: Role;
}
