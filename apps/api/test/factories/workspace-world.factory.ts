import type { INestApplication } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { aCallLog } from './call-logs.factory.js';
import { bearer, memberWithRole, signup, uniqueEmail } from './users.factory.js';

/** The ids of one of every workspace resource, keyed as the routes name them. */
export interface ThingIds {
  workspaceId: string;
  contactId: string;
  /** A recorded call log of the contact. */
  callLogId: string;
  /** A call log that is ringing now (ringing_calls row, deadline an hour away). */
  callId: string;
  /** An agent (not the owner). */
  userId: string;
  invitationId: string;
  apiKeyId: string;
  phoneNumberId: string;
  campaignId: string;
}

export interface WorkspaceWithThings {
  token: string;
  ownerUserId: string;
  apiKey: string;
  ids: ThingIds;
}

const hex = (n: number) => randomUUID().replace(/-/g, '').slice(0, n).padEnd(n, '0');

/**
 * A workspace (agency plan) holding one of every resource a workspace route can name. The ringing
 * call is also offered to `offerCallTo` (users of other workspaces), so only the workspace check
 * stands between them and answering it.
 */
export async function workspaceWithThings(app: INestApplication, offerCallTo: string[] = []): Promise<WorkspaceWithThings> {
  const http = () => request(app.getHttpServer());
  const db = app.get(DataSource);
  const s = await signup(app);
  const ws = `/api/v1/workspaces/${s.workspace.id}`;
  const auth = bearer(s.accessToken);
  await http().patch(ws).set(auth).send({ plan: 'agency' }).expect(200);
  const agent = await memberWithRole(app, s.workspace.id, 'agent');
  const inv = await http().post(`${ws}/invitations`).set(auth).send({ email: uniqueEmail(), role: 'agent' }).expect(201);
  const key = await http().post(`${ws}/api-keys`).set(auth).send({ name: 'k' }).expect(201);
  const contact = await http().post(`${ws}/contacts`).set(auth).send({ phone: `+1212555${String(randomInt(1000, 9999))}`, name: 'Their contact' }).expect(201);
  const campaign = await http().post(`${ws}/campaigns`).set(auth).send({ name: `Campaign ${hex(6)}` }).expect(201);
  const tracking = `+1415555${String(randomInt(1000, 9999))}`;
  const [number] = (await db.query(`INSERT INTO phone_numbers (workspace_id, e164, twilio_sid, campaign_id) VALUES ($1, $2, $3, $4) RETURNING id`, [
    s.workspace.id,
    tracking,
    `PN${hex(32)}`,
    campaign.body.id,
  ])) as Array<{ id: string }>;
  const callLogId = await aCallLog(app, { workspaceId: s.workspace.id, contactId: contact.body.id, agentUserId: agent.userId, direction: 'inbound' });
  await db.query(`UPDATE call_logs SET recording_sid = $2 WHERE id = $1`, [callLogId, `RE${hex(32)}`]);
  const callId = await aCallLog(app, { workspaceId: s.workspace.id, direction: 'inbound', status: 'ringing', answered: false, to: tracking });
  await db.query(`UPDATE call_logs SET ended_at = NULL WHERE id = $1`, [callId]);
  await db.query(
    `INSERT INTO ringing_calls (call_log_id, workspace_id, caller_call_sid, from_e164, tracking_number, ring_deadline)
     VALUES ($1, $2, $3, '+12125550199', $4, now() + interval '1 hour')`,
    [callId, s.workspace.id, `CA${hex(32)}`, tracking],
  );
  for (const userId of [agent.userId, ...offerCallTo]) {
    await db.query(`INSERT INTO call_offers (call_log_id, user_id) VALUES ($1, $2)`, [callId, userId]);
  }
  return {
    token: s.accessToken,
    ownerUserId: s.user.id,
    apiKey: key.body.key as string,
    ids: {
      workspaceId: s.workspace.id,
      contactId: contact.body.id,
      callLogId,
      callId,
      userId: agent.userId,
      invitationId: inv.body.id,
      apiKeyId: key.body.id,
      phoneNumberId: number!.id,
      campaignId: campaign.body.id,
    },
  };
}

/**
 * A fingerprint of everything stored for a workspace: its row, every table with a workspace_id
 * column, and the offers of its ringing calls. Equal fingerprints = nothing changed.
 */
export async function workspaceFingerprint(app: INestApplication, workspaceId: string): Promise<Record<string, string>> {
  const db = app.get(DataSource);
  const tables = (await db.query(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public' AND c.column_name = 'workspace_id' ORDER BY 1`,
  )) as Array<{ table_name: string }>;
  const print: Record<string, string> = {};
  const digest = async (label: string, sql: string) => {
    const [row] = (await db.query(sql, [workspaceId])) as Array<{ n: number; h: string }>;
    print[label] = `${row!.n}:${row!.h}`;
  };
  await digest('workspaces', `SELECT count(*)::int AS n, md5(coalesce(string_agg(w::text, '|'), '')) AS h FROM workspaces w WHERE id = $1`);
  for (const { table_name: table } of tables) {
    await digest(table, `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${table}" t WHERE workspace_id = $1`);
  }
  await digest(
    'call_offers',
    `SELECT count(*)::int AS n, md5(coalesce(string_agg(o::text, '|' ORDER BY o::text), '')) AS h
       FROM call_offers o JOIN ringing_calls r ON r.call_log_id = o.call_log_id WHERE r.workspace_id = $1`,
  );
  return print;
}
