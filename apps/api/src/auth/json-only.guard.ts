import { type CanActivate, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error.js';

/**
 * The sign-in routes take JSON bodies only. A plain HTML form can post urlencoded, multipart or
 * text/plain across origins without a CORS preflight — the way to sign a victim's browser into
 * the attacker's account (login CSRF) — so any other declared type, or a body with none, is 415.
 * A POST without a body (refresh, logout) needs no content type.
 */
@Injectable()
export class JsonOnlyGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    if (req.method === 'GET' || req.method === 'HEAD') return true;
    const declared = req.headers['content-type'];
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    const mediaType = declared?.split(';')[0]!.trim().toLowerCase();
    if (mediaType === 'application/json' || (mediaType === undefined && !hasBody)) return true;
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send this request as JSON (Content-Type: application/json)', HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  }
}
