import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CampaignView } from '@ringtonic/contracts';
import { DataSource, QueryFailedError } from 'typeorm';
import { DomainError, notFound } from '../common/domain-error.js';
import { CampaignEntity } from './entities/campaign.entity.js';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class CampaignsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The workspace's campaigns (or just `onlyId`) with how many numbers each has. */
  async list(workspaceId: string, onlyId?: string): Promise<CampaignView[]> {
    const rows: Array<{ id: string; name: string; created_at: Date; number_count: string }> = await this.db.query(
      `SELECT c.id, c.name, c.created_at, count(p.id) AS number_count
         FROM campaigns c LEFT JOIN phone_numbers p ON p.campaign_id = c.id
        WHERE c.workspace_id = $1 AND ($2::uuid IS NULL OR c.id = $2) GROUP BY c.id ORDER BY c.name`,
      [workspaceId, onlyId ?? null],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, numberCount: Number(r.number_count), createdAt: r.created_at.toISOString() }));
  }

  async create(workspaceId: string, name: string): Promise<CampaignView> {
    const saved = await this.unique(name, () => this.db.getRepository(CampaignEntity).save({ workspaceId, name: name.trim() }));
    return { id: saved.id, name: saved.name, numberCount: 0, createdAt: saved.createdAt.toISOString() };
  }

  async rename(workspaceId: string, id: string, name: string): Promise<CampaignView> {
    const res = await this.unique(name, () => this.db.getRepository(CampaignEntity).update({ id, workspaceId }, { name: name.trim() }));
    if (!res.affected) throw notFound('Campaign');
    return (await this.list(workspaceId, id))[0]!;
  }

  /** Its numbers stay in the workspace, unassigned. */
  async remove(workspaceId: string, id: string): Promise<void> {
    const res = await this.db.getRepository(CampaignEntity).delete({ id, workspaceId });
    if (!res.affected) throw notFound('Campaign');
  }

  async exists(workspaceId: string, id: string): Promise<boolean> {
    return this.db.getRepository(CampaignEntity).exists({ where: { id, workspaceId } });
  }

  private async unique<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new DomainError('CAMPAIGN_EXISTS', `A campaign named "${name.trim()}" already exists`, HttpStatus.CONFLICT);
      }
      throw e;
    }
  }
}
