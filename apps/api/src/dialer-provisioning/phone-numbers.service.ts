import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportNumbersResponse, PhoneNumberView, TwilioNumberView } from '@ringtonic/contracts';
import { DataSource, In } from 'typeorm';
import { DomainError, notFound } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { type TwilioClient, TwilioClientFactory, twilioErrorCode } from '../telephony/twilio-client.factory.js';
import { WorkspaceService } from '../workspace/workspace.service.js';
import { CampaignsService } from './campaigns.service.js';
import { CampaignEntity } from './entities/campaign.entity.js';
import { PhoneNumberEntity } from './entities/phone-number.entity.js';
import { numberWebhooks, pointsAtUs } from './webhook-urls.js';
import { isUuid } from '../common/uuid.js';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** A called tracking number with what the inbound webhook needs of its workspace. */
export interface CalledTrackingNumber {
  workspaceId: string;
  id: string;
  e164: string;
  campaignId: string | null;
  campaignName: string | null;
  ringTimeoutSeconds: number;
  recordCalls: boolean;
  recordingAnnouncement: string | null;
}

/** Tracking numbers: Twilio numbers imported into the workspace, their webhooks pointed at us. */
@Injectable()
export class PhoneNumbersService {
  private readonly logger = new Logger(PhoneNumbersService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workspaces: WorkspaceService,
    private readonly twilio: TwilioClientFactory,
    private readonly campaigns: CampaignsService,
  ) {}

  /** The workspace's tracking numbers (or just `onlyId`). */
  async list(workspaceId: string, onlyId?: string): Promise<PhoneNumberView[]> {
    const numbers = await this.db
      .getRepository(PhoneNumberEntity)
      .find({ where: { workspaceId, ...(onlyId ? { id: onlyId } : {}) }, order: { createdAt: 'ASC', e164: 'ASC' } });
    const ids = [...new Set(numbers.flatMap((n) => (n.campaignId ? [n.campaignId] : [])))];
    const campaigns = new Map((ids.length ? await this.db.getRepository(CampaignEntity).findBy({ id: In(ids) }) : []).map((c) => [c.id, c]));
    return numbers.map((n) => {
      const c = n.campaignId ? campaigns.get(n.campaignId) : undefined;
      return {
        id: n.id,
        e164: n.e164,
        formatted: parsePhoneNumberFromString(n.e164)?.formatNational() ?? n.e164,
        label: n.label,
        twilioSid: n.twilioSid,
        campaign: c ? { id: c.id, name: c.name } : null,
        createdAt: n.createdAt.toISOString(),
      };
    });
  }

  /** Every number in the workspace's Twilio account (all pages), marked when already imported. */
  async twilioNumbers(workspaceId: string): Promise<TwilioNumberView[]> {
    const { client, accountSid } = await this.adminClient(workspaceId);
    const numbers = await this.callTwilio(() => accountNumbers(client, accountSid));
    const imported = new Set((await this.db.getRepository(PhoneNumberEntity).find({ where: { workspaceId } })).map((n) => n.twilioSid));
    return numbers.map((n) => ({ sid: n.sid, phoneNumber: n.phoneNumber, friendlyName: n.friendlyName, imported: imported.has(n.sid) }));
  }

  async import(workspaceId: string, sids: string[]): Promise<ImportNumbersResponse> {
    const { client, accountSid } = await this.adminClient(workspaceId);
    const repo = this.db.getRepository(PhoneNumberEntity);
    const failed: ImportNumbersResponse['failed'] = [];
    for (const sid of [...new Set(sids)]) {
      try {
        const n = await this.pointAtUs(client, accountSid, sid);
        await repo.upsert({ workspaceId, e164: n.phoneNumber, twilioSid: n.sid }, { conflictPaths: ['workspaceId', 'e164'] });
      } catch (e) {
        const code = twilioErrorCode(e);
        failed.push({ sid, message: code === 20404 ? 'This number is not in your Twilio account' : `Twilio refused (${code ?? (e as Error).message})` });
      }
    }
    const imported = new Set(sids);
    return { items: (await this.list(workspaceId)).filter((n) => imported.has(n.twilioSid)), failed };
  }

  async update(workspaceId: string, id: string, patch: { campaignId?: string | null; label?: string | null }): Promise<PhoneNumberView> {
    if (patch.campaignId && !(await this.campaigns.exists(workspaceId, patch.campaignId))) throw notFound('Campaign');
    const res = await this.db.getRepository(PhoneNumberEntity).update(
      { id, workspaceId },
      { ...(patch.campaignId !== undefined ? { campaignId: patch.campaignId } : {}), ...(patch.label !== undefined ? { label: patch.label?.trim() || null } : {}) },
    );
    if (!res.affected) throw notFound('Phone number');
    return (await this.list(workspaceId, id))[0]!;
  }

  /**
   * Points every tracking number of the workspace at the current webhook URLs again (after a
   * PUBLIC_URL change, or a TwiML App / trunk attached in the Console). A number whose SID is gone
   * from the account but whose E.164 is still there is reattached; with `recreateMissing` (the demo
   * against the sandbox, whose state file may be lost) a number missing altogether is created again.
   */
  async repoint(workspaceId: string, opts: { recreateMissing?: boolean } = {}): Promise<{ repointed: number; reattached: number; recreated: number; missing: number }> {
    const done = { repointed: 0, reattached: 0, recreated: 0, missing: 0 };
    const repo = this.db.getRepository(PhoneNumberEntity);
    const rows = await repo.find({ where: { workspaceId } });
    if (!rows.length) return done;
    const { client, accountSid } = await this.adminClient(workspaceId);
    const inAccount = await accountNumbers(client, accountSid);
    const bySid = new Map(inAccount.map((n) => [n.sid, n]));
    const byE164 = new Map(inAccount.map((n) => [n.phoneNumber, n]));
    const wanted = numberWebhooks(this.config.publicUrl);
    for (const row of rows) {
      let n = bySid.get(row.twilioSid) ?? byE164.get(row.e164);
      if (!n && opts.recreateMissing) {
        n = await client.api.v2010.accounts(accountSid).incomingPhoneNumbers.create({ phoneNumber: row.e164, ...wanted });
        done.recreated++;
      }
      if (!n) {
        done.missing++;
        this.logger.warn(`Tracking number ${row.e164} of workspace ${workspaceId} is no longer in its Twilio account`);
        continue;
      }
      if (n.sid !== row.twilioSid) {
        await repo.update({ id: row.id }, { twilioSid: n.sid });
        done.reattached++;
      }
      if (!pointsAtUs(n, wanted)) {
        await this.pointAtUs(client, accountSid, n.sid);
        done.repointed++;
      }
    }
    return done;
  }

  /** Stops tracking the number here; it stays in the Twilio account. */
  async remove(workspaceId: string, id: string): Promise<void> {
    const res = await this.db.getRepository(PhoneNumberEntity).delete({ id, workspaceId });
    if (!res.affected) throw notFound('Phone number');
  }

  /** The tracking number Twilio says was called, in the workspace holding that Twilio account (the webhook's scope). */
  async byCalledNumber(workspaceId: string, accountSid: string, e164: string): Promise<CalledTrackingNumber | null> {
    // The inbound webhook's first read: with the workspace's ring settings, so it needs no second one.
    const rows = (await this.db.query(
      `SELECT p.workspace_id, p.id, p.e164, p.campaign_id, c.name AS campaign_name,
              w.ring_timeout_seconds, w.record_calls, w.recording_announcement
         FROM phone_numbers p JOIN workspaces w ON w.id = p.workspace_id LEFT JOIN campaigns c ON c.id = p.campaign_id
        WHERE p.e164 = $1 AND w.twilio_account_sid = $2 AND p.workspace_id = $3`,
      [e164, accountSid, workspaceId],
    )) as Array<{
      workspace_id: string; id: string; e164: string; campaign_id: string | null; campaign_name: string | null;
      ring_timeout_seconds: number; record_calls: boolean; recording_announcement: string | null;
    }>;
    const r = rows[0];
    if (!r) return null;
    return {
      workspaceId: r.workspace_id, id: r.id, e164: r.e164, campaignId: r.campaign_id, campaignName: r.campaign_name,
      ringTimeoutSeconds: r.ring_timeout_seconds, recordCalls: r.record_calls, recordingAnnouncement: r.recording_announcement,
    };
  }

  /** A tracking number of this workspace by id or E.164 (outbound caller IDs), or null. */
  async ofWorkspace(workspaceId: string, idOrE164: string): Promise<{ id: string; e164: string; campaignId: string | null } | null> {
    const byId = isUuid(idOrE164);
    const n = await this.db.getRepository(PhoneNumberEntity).findOne({ where: byId ? { workspaceId, id: idOrE164 } : { workspaceId, e164: idOrE164 } });
    return n ? { id: n.id, e164: n.e164, campaignId: n.campaignId } : null;
  }

  async count(workspaceId: string): Promise<number> {
    return this.db.getRepository(PhoneNumberEntity).count({ where: { workspaceId } });
  }

  private async adminClient(workspaceId: string): Promise<{ client: TwilioClient; accountSid: string }> {
    const s = await this.workspaces.twilioCredentials(workspaceId);
    if (!s.accountSid || !s.authToken) {
      throw new DomainError('DIALER_NOT_READY', 'Add your Twilio Account SID and Auth Token in the Basic tab first', HttpStatus.UNPROCESSABLE_ENTITY);
    }
    return { client: this.twilio.create({ accountSid: s.accountSid, authToken: s.authToken }), accountSid: s.accountSid };
  }

  /**
   * Voice URL and status callback at our webhooks. A number with a TwiML App (voice_application_sid)
   * or a SIP trunk ignores its own voice URL (TWILIO.md §1.3), so both are detached.
   */
  private async pointAtUs(client: TwilioClient, accountSid: string, sid: string) {
    const number = client.api.v2010.accounts(accountSid).incomingPhoneNumbers(sid);
    const n = await number.update(numberWebhooks(this.config.publicUrl));
    // Only sent when set: clearing an application already clears the trunk and vice versa.
    return n.trunkSid ? number.update({ trunkSid: '' }) : n;
  }

  private async callTwilio<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      const code = twilioErrorCode(e);
      if (code === null) throw new DomainError('TWILIO_UNREACHABLE', `Twilio could not be reached: ${(e as Error).message}`, HttpStatus.BAD_GATEWAY);
      throw new DomainError('TWILIO_REJECTED', `Twilio refused the request (error ${code}): verify your Account SID and Auth Token in the Basic tab`, HttpStatus.UNPROCESSABLE_ENTITY);
    }
  }
}

const NUMBERS_PAGE_SIZE = 100;

/** Every number of the account, following Twilio's pages. */
const accountNumbers = (client: TwilioClient, accountSid: string) =>
  client.api.v2010.accounts(accountSid).incomingPhoneNumbers.list({ pageSize: NUMBERS_PAGE_SIZE });
