import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ApiKeyView, CreatedApiKey } from '@ringtonic/contracts';
import { randomBytes } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { notFound } from '../common/domain-error.js';
import { sha256 } from '../common/secret-box.js';
import { ApiKeyEntity } from './entities/api-key.entity.js';

const toView = (k: ApiKeyEntity): ApiKeyView => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
});

/** Workspace API keys for integrators: 256-bit random, stored as SHA-256, shown once. */
@Injectable()
export class ApiKeysService {
  constructor(@InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>) {}

  async create(workspaceId: string, name: string, createdByUserId: string | null): Promise<CreatedApiKey> {
    const key = `rt_${randomBytes(32).toString('base64url')}`;
    const saved = await this.keys.save(
      this.keys.create({ workspaceId, name: name.trim(), prefix: key.slice(0, 10), keyHash: sha256(key), createdByUserId }),
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

  /** The live key's id and workspace, or null for an unknown or revoked key. */
  async resolve(rawKey: string): Promise<{ id: string; workspaceId: string } | null> {
    const key = await this.keys.findOne({ where: { keyHash: sha256(rawKey), revokedAt: IsNull() } });
    if (!key) return null;
    // Coarse last-used stamp: at most one write a minute per key.
    if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000) {
      await this.keys.update({ id: key.id }, { lastUsedAt: new Date() });
    }
    return { id: key.id, workspaceId: key.workspaceId };
  }
}
