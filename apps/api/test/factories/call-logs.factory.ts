import type { INestApplication } from '@nestjs/common';
import type { CallDirection, CallStatus, LeadStatus } from '@ringtonic/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface CallLogSeed {
  workspaceId: string;
  contactId?: string | null;
  agentUserId?: string | null;
  direction?: CallDirection;
  status?: CallStatus;
  from?: string;
  to?: string;
  /** Hours before now the call started (it lasted durationSeconds). */
  hoursAgo?: number;
  durationSeconds?: number;
  answered?: boolean;
  leadStatus?: LeadStatus | null;
  dealValueCents?: number | null;
  notes?: string | null;
  tags?: string[];
  campaignId?: string | null;
}

/** Inserts a call log directly, as routing does from Twilio webhooks (not an API of this module). */
export async function aCallLog(app: INestApplication, seed: CallLogSeed): Promise<string> {
  const hoursAgo = seed.hoursAgo ?? 1;
  const duration = seed.durationSeconds ?? 120;
  const answered = seed.answered ?? true;
  const direction = seed.direction ?? 'outbound';
  const [row] = (await app.get(DataSource).query(
    `INSERT INTO call_logs (workspace_id, twilio_call_sid, direction, status, contact_id, agent_user_id, campaign_id, from_e164, to_e164,
       started_at, answered_at, ended_at, duration_seconds, notes, tags, lead_status, deal_value_cents)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now() - make_interval(secs => $10), CASE WHEN $11 THEN now() - make_interval(secs => $10 - 5) END,
       now() - make_interval(secs => $10 - $12), $12, $13, $14, $15, $16)
     RETURNING id`,
    [
      seed.workspaceId,
      `CA${randomUUID().replace(/-/g, '')}`,
      direction,
      seed.status ?? (answered ? 'completed' : 'missed'),
      seed.contactId ?? null,
      seed.agentUserId ?? null,
      seed.campaignId ?? null,
      seed.from ?? (direction === 'outbound' ? '+14155550100' : '+12125550199'),
      seed.to ?? (direction === 'outbound' ? '+12125550199' : '+14155550100'),
      Math.round(hoursAgo * 3600),
      answered,
      answered ? duration : 0,
      seed.notes ?? null,
      seed.tags ?? [],
      seed.leadStatus ?? null,
      seed.dealValueCents ?? null,
    ],
  )) as Array<{ id: string }>;
  return row!.id;
}
