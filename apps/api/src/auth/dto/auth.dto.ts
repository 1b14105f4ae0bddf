import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';

const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class SignupDto {
  @ApiProperty({ example: 'owner@agency.com' })
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 8, writeOnly: true })
  @IsString()
  @MinLength(8, { message: 'password must be at least 8 characters' })
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'Jane Doe' }) @IsString() @Length(1, 120) name: string;
  @ApiProperty({ example: 'Acme Call Tracking' }) @IsString() @Length(1, 120) workspaceName: string;
}

export class LoginDto {
  @ApiProperty({ example: 'owner@demo.ringtonic.test' })
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email: string;

  @ApiProperty({ writeOnly: true }) @IsString() @Length(1, 200) password: string;
}

export class AcceptInvitationDto {
  @ApiPropertyOptional({ description: 'New users only' }) @IsOptional() @IsString() @Length(1, 120) name?: string;

  @ApiPropertyOptional({ description: 'New users: the password to set. Existing users: their password (or send a Bearer token instead).', writeOnly: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  password?: string;
}
