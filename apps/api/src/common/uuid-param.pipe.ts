import { Injectable, type PipeTransform } from '@nestjs/common';
import { notFound } from './domain-error.js';
import { isUuid } from './uuid.js';

/** An id that is not even a UUID names nothing: 404, like any id outside the workspace. */
@Injectable()
export class UuidParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUuid(value)) throw notFound();
    return value;
  }
}
