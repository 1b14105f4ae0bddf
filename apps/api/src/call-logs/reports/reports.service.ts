import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgentReport, CallSummary, KeywordCount, KeywordReport } from '@ringtonic/contracts';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error.js';
import type { ReportRangeDto } from '../dto/list-call-logs.dto.js';

const DAY = 86_400_000;

/**
 * Reports read the call logs' snapshots (lead status, deal value, agent), never the contact's
 * current state: an agent keeps credit for a lead they qualified even if it is junked later.
 */
@Injectable()
export class ReportsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async agents(workspaceId: string, range: ReportRangeDto): Promise<AgentReport> {
    const { from, to } = resolveRange(range);
    const rows = (await this.db.query(
      `WITH calls AS (
         SELECT agent_user_id,
           count(*) FILTER (WHERE direction = 'outbound')::int AS made,
           count(*) FILTER (WHERE direction = 'inbound' AND answered_at IS NOT NULL)::int AS answered,
           coalesce(sum(duration_seconds) FILTER (WHERE answered_at IS NOT NULL), 0)::bigint AS talk,
           count(*) FILTER (WHERE lead_status = 'qualified')::int AS qualified,
           coalesce(sum(deal_value_cents) FILTER (WHERE lead_status = 'qualified'), 0)::bigint AS revenue,
           count(*) FILTER (WHERE ai_lead_status = 'qualified')::int AS ai_qualified,
           count(*) FILTER (WHERE lead_status = 'qualified' AND ai_accepted_at IS NULL)::int AS person_qualified,
           count(*) FILTER (WHERE ai_accepted_at IS NOT NULL)::int AS ai_accepted
         FROM call_logs
         WHERE workspace_id = $1 AND started_at >= $2 AND started_at < $3 AND agent_user_id IS NOT NULL
         GROUP BY agent_user_id),
       callers AS (SELECT user_id FROM memberships WHERE workspace_id = $1 AND role IN ('owner', 'admin', 'agent'))
       SELECT u.id AS "userId", u.name, coalesce(c.made, 0) AS made, coalesce(c.answered, 0) AS answered, coalesce(c.talk, 0) AS talk,
         coalesce(c.qualified, 0) AS qualified, coalesce(c.revenue, 0) AS revenue, coalesce(c.ai_qualified, 0) AS ai_qualified,
         coalesce(c.person_qualified, 0) AS person_qualified, coalesce(c.ai_accepted, 0) AS ai_accepted
       FROM calls c FULL JOIN callers m ON m.user_id = c.agent_user_id
       JOIN users u ON u.id = coalesce(c.agent_user_id, m.user_id)
       ORDER BY revenue DESC, qualified DESC, made + answered DESC, u.name`,
      [workspaceId, from, to],
    )) as Array<{ userId: string; name: string; made: number; answered: number; talk: string; qualified: number; revenue: string; ai_qualified: number; person_qualified: number; ai_accepted: number }>;
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      items: rows.map((r) => ({
        userId: r.userId,
        name: r.name,
        callsMade: r.made,
        callsAnswered: r.answered,
        talkSeconds: Number(r.talk),
        qualifiedCalls: r.qualified,
        attributedRevenueCents: Number(r.revenue),
        aiQualifiedCalls: r.ai_qualified,
        personQualifiedCalls: r.person_qualified,
        aiAcceptedCalls: r.ai_accepted,
      })),
    };
  }

  /** Top AI keywords per campaign: what callers of each campaign ask about. */
  async keywords(workspaceId: string, range: ReportRangeDto, perCampaign = 10): Promise<KeywordReport> {
    const { from, to } = resolveRange(range);
    const rows = (await this.db.query(
      `WITH analysed AS (
         SELECT campaign_id, ai_keywords FROM call_logs
          WHERE workspace_id = $1 AND started_at >= $2 AND started_at < $3 AND ai_status = 'done'),
       counts AS (
         SELECT campaign_id, k.keyword, count(*)::int AS n,
                row_number() OVER (PARTITION BY campaign_id ORDER BY count(*) DESC, k.keyword) AS rank
           FROM analysed, unnest(ai_keywords) AS k(keyword) GROUP BY campaign_id, k.keyword),
       totals AS (SELECT campaign_id, count(*)::int AS calls FROM analysed GROUP BY campaign_id)
       SELECT t.campaign_id, cp.name AS campaign_name, t.calls,
              coalesce(json_agg(json_build_object('keyword', c.keyword, 'count', c.n) ORDER BY c.rank) FILTER (WHERE c.keyword IS NOT NULL), '[]') AS keywords
         FROM totals t
         LEFT JOIN counts c ON c.campaign_id IS NOT DISTINCT FROM t.campaign_id AND c.rank <= $4
         LEFT JOIN campaigns cp ON cp.id = t.campaign_id
        GROUP BY t.campaign_id, cp.name, t.calls
        ORDER BY t.calls DESC, cp.name NULLS LAST`,
      [workspaceId, from, to, perCampaign],
    )) as Array<{ campaign_id: string | null; campaign_name: string | null; calls: number; keywords: KeywordCount[] }>;
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      items: rows.map((r) => ({
        campaign: r.campaign_id && r.campaign_name ? { id: r.campaign_id, name: r.campaign_name } : null,
        analysedCalls: r.calls,
        keywords: r.keywords,
      })),
    };
  }

  /** The dashboard's cards for a period. */
  async summary(workspaceId: string, range: ReportRangeDto): Promise<CallSummary> {
    const { from, to } = resolveRange(range);
    const [r] = (await this.db.query(
      `SELECT count(*)::int AS total,
         count(*) FILTER (WHERE direction = 'inbound')::int AS inbound,
         count(*) FILTER (WHERE direction = 'outbound')::int AS outbound,
         count(*) FILTER (WHERE direction = 'inbound' AND answered_at IS NOT NULL)::int AS answered,
         count(*) FILTER (WHERE direction = 'inbound' AND answered_at IS NULL AND status NOT IN ('ringing', 'in_progress'))::int AS missed,
         count(*) FILTER (WHERE lead_status = 'qualified')::int AS qualified,
         coalesce(sum(deal_value_cents) FILTER (WHERE lead_status = 'qualified'), 0)::bigint AS revenue
       FROM call_logs WHERE workspace_id = $1 AND started_at >= $2 AND started_at < $3`,
      [workspaceId, from, to],
    )) as [{ total: number; inbound: number; outbound: number; answered: number; missed: number; qualified: number; revenue: string }];
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      totalCalls: r.total,
      inboundCalls: r.inbound,
      outboundCalls: r.outbound,
      answeredInbound: r.answered,
      missedCalls: r.missed,
      // Over inbound calls that have an outcome: one still ringing is neither answered nor missed.
      answerRate: r.answered + r.missed ? r.answered / (r.answered + r.missed) : null,
      qualifiedCalls: r.qualified,
      revenueCents: Number(r.revenue),
    };
  }
}

function resolveRange(range: ReportRangeDto): { from: Date; to: Date } {
  const to = range.to ? new Date(range.to) : new Date();
  const from = range.from ? new Date(range.from) : new Date(to.getTime() - 7 * DAY);
  if (from >= to) throw new DomainError('VALIDATION_FAILED', 'from must be before to', HttpStatus.BAD_REQUEST);
  if (to.getTime() - from.getTime() > 400 * DAY) throw new DomainError('VALIDATION_FAILED', 'A report covers at most 400 days', HttpStatus.BAD_REQUEST);
  return { from, to };
}
