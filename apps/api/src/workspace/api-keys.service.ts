import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { API_KEY_MAX_LIFETIME_DAYS, type ApiKeyView, type CreatedApiKey } from '@ringtonic/contracts';
import { randomBytes } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { DomainError, notFound } from '../common/domain-error.js';
import { sha256 } from '../common/secret-box.js';
import { ApiKeyEntity } from './entities/api-key.entity.js';

const toView = (k: ApiKeyEntity): ApiKeyView => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  expiresAt: k.expiresAt?.toISOString() ?? null,
});

export interface ResolvedApiKey {
  id: string;
  workspaceId: string;
  expired: boolean;
  expiresAt: Date | null;
}

const invalid = (message: string) => new DomainError('VALIDATION_FAILED', message, HttpStatus.BAD_REQUEST);

/** Workspace API keys for integrators: 256-bit random, stored as SHA-256, shown once, optionally expiring. */
@Injectable()
export class ApiKeysService {
  constructor(@InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>) {}

  async create(workspaceId: string, input: { name: string; expiresAt?: string | null }, createdByUserId: string | null): Promise<CreatedApiKey> {
    const expiresAt = input.expiresAt ? checkedExpiry(new Date(input.expiresAt)) : null;
    const key = `rt_${randomBytes(32).toString('base64url')}`;
    const saved = await this.keys.save(
      this.keys.create({ workspaceId, name: input.name.trim(), prefix: key.slice(0, 10), keyHash: sha256(key), createdByUserId, expiresAt }),
    );
    return { ...toView(saved), key };
  }

  async list(workspaceId: string): Promise<ApiKeyView[]> {
    return (await this.keys.find({ where: { workspaceId, revokedAt: IsNull() }, order: { createdAt: 'DESC' } })).map(toView);
  }

  async revoke(workspaceId: string, id: string): Promise<void> {
    const res = await this.keys.update({ id, workspaceId, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!res.affected) throw notFound('API key');
  }

  /** The key's id, workspace and whether it has expired; null for an unknown or revoked key. */
  async resolve(rawKey: string): Promise<ResolvedApiKey | null> {
    const key = await this.keys.findOne({ where: { keyHash: sha256(rawKey), revokedAt: IsNull() } });
    if (!key) return null;
    const expired = key.expiresAt !== null && key.expiresAt.getTime() <= Date.now();
    // Coarse last-used stamp: at most one write a minute per key, however many instances race for it.
    if (!expired && (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() >= 60_000)) {
      await this.keys.query(
        `UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [key.id],
      );
    }
    return { id: key.id, workspaceId: key.workspaceId, expired, expiresAt: key.expiresAt };
  }
}

function checkedExpiry(at: Date): Date {
  if (Number.isNaN(at.getTime())) throw invalid('expiresAt must be an ISO 8601 date-time');
  if (at.getTime() <= Date.now()) throw invalid('expiresAt must be in the future');
  if (at.getTime() > Date.now() + API_KEY_MAX_LIFETIME_DAYS * 86400_000) {
    throw invalid(`expiresAt must be at most ${API_KEY_MAX_LIFETIME_DAYS} days (two years) ahead`);
  }
  return at;
}
