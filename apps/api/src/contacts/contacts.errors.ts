import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/domain-error.js';

export const contactExists = (existingContactId: string) =>
  new DomainError('CONTACT_EXISTS', 'A contact with this phone number already exists', HttpStatus.CONFLICT, { existingContactId });

export const invalidPhone = (reason: string) => new DomainError('INVALID_PHONE', `phone ${reason}`, HttpStatus.BAD_REQUEST);

export const invalidCursor = (message: string) => new DomainError('VALIDATION_FAILED', message, HttpStatus.BAD_REQUEST);
