import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiError, ErrorCode } from '@ringtonic/contracts';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { databaseOutage } from '../health/database-outage.js';
import { DomainError } from './domain-error.js';

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'TOO_MANY_ATTEMPTS',
};

/** One error shape for every response: `{ statusCode, error, message, code, correlationId }`. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { correlationId?: string }>();
    const body = this.toBody(exception, req);
    // A lost database connection fails every request alike: logged once per outage, not a stack each.
    if (body.statusCode >= 500 && !databaseOutage.failed(`${req.method} ${req.path}`, exception)) {
      const err = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error(`${req.method} ${req.path} failed [${body.correlationId}]: ${err.message}`, err.stack);
    }
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, req: Request & { correlationId?: string }): ApiError & Record<string, unknown> {
    const correlationId = req.correlationId;
    if (exception instanceof DomainError) {
      return {
        statusCode: exception.status,
        error: STATUS_CODES[exception.status] ?? 'Error',
        message: exception.message,
        code: exception.code,
        ...exception.extra,
        correlationId,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? (response as { message: string | string[] }).message
          : exception.message;
      const code =
        typeof response === 'object' && response !== null && 'code' in response
          ? (response as { code: ErrorCode }).code
          : (CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED'));
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message, code, correlationId };
    }
    // Body-parser errors (malformed JSON, too large) carry a 4xx status of their own.
    const status = (exception as { status?: number; type?: string })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = status === 400 ? 'The request body is not valid JSON' : (exception as Error).message;
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message, code: 'VALIDATION_FAILED', correlationId };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side; it has been logged',
      code: 'INTERNAL',
      correlationId,
    };
  }
}
