import { createParamDecorator, type ExecutionContext, HttpStatus, SetMetadata } from '@nestjs/common';
import { DomainError } from '../common/domain-error.js';
import type { AppRequest } from '../common/request-context.js';
import { isUuid } from '../common/uuid.js';

/**
 * The workspace a Twilio webhook belongs to, resolved by the signature guard: the one workspace
 * holding the signing Twilio account, every resource the request names being that workspace's.
 * Handlers read and write only within it.
 */
export interface TwilioWebhookScope {
  workspaceId: string;
  accountSid: string;
}

export type TwilioWebhookRequest = AppRequest & { twilioScope?: TwilioWebhookScope };

export const ADDRESSES_TRACKING_NUMBER = 'rt:addressesTrackingNumber';

/** The route is a call *to* a tracking number (To / Called): a number another workspace tracks is refused. */
export const AddressesTrackingNumber = () => SetMetadata(ADDRESSES_TRACKING_NUMBER, true);

/** The scope the guard put on the request (a route without the guard is a programming error). */
export const TwilioScope = createParamDecorator((_: unknown, ctx: ExecutionContext): TwilioWebhookScope => {
  const scope = ctx.switchToHttp().getRequest<TwilioWebhookRequest>().twilioScope;
  if (!scope) throw new DomainError('FORBIDDEN', 'Twilio webhook without a verified account', HttpStatus.FORBIDDEN);
  return scope;
});

/** What a webhook names, each of which must belong to the signing account's workspace. */
export interface AddressedResources {
  callLogIds: string[];
  callSids: string[];
  workspaceIds: string[];
  applicationSids: string[];
  trackingNumbers: string[];
}

const CALL_SID = /^CA[0-9a-fA-F]{32}$/;
const APP_SID = /^AP[0-9a-fA-F]{32}$/;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * The call logs (conference `call-<id>`, `callLogId` in a recording URL, `answerCallId` of a device
 * answering), calls (CallSid, ParentCallSid), workspace (a whisper's `workspaceId`), TwiML App
 * (ApplicationSid) and, on inbound routes, the tracking number (To, Called) a webhook names.
 */
export function addressedBy(params: Record<string, unknown>, query: Record<string, unknown>, inbound: boolean): AddressedResources {
  const conference = /^call-(.+)$/.exec(str(params.FriendlyName) ?? '')?.[1];
  const only = <T>(values: unknown[], ok: (v: string) => boolean) => [...new Set(values.map(str).filter((v): v is string => v !== undefined && ok(v)))] as T[];
  return {
    callLogIds: only([conference, query.callLogId, params.answerCallId], isUuid),
    callSids: only([params.CallSid, params.ParentCallSid], (v) => CALL_SID.test(v)),
    workspaceIds: only([query.workspaceId], isUuid),
    applicationSids: only([params.ApplicationSid], (v) => APP_SID.test(v)),
    trackingNumbers: inbound ? only([params.To, params.Called], (v) => /^\+[1-9]\d{6,14}$/.test(v)) : [],
  };
}

/**
 * One statement: does the workspace (still) hold the account, and does any named resource belong
 * to another workspace? A tracking number counts as another's only when this workspace does not
 * track it too.
 */
export const SCOPE_SQL = `
  SELECT EXISTS (SELECT 1 FROM workspaces WHERE id = $1 AND twilio_account_sid = $7 AND twilio_auth_token_enc = $8) AS holds,
         EXISTS (SELECT 1 FROM call_logs WHERE (id = ANY($2::uuid[]) OR twilio_call_sid = ANY($3::text[])) AND workspace_id <> $1)
      OR EXISTS (SELECT 1 FROM workspaces WHERE (id = ANY($4::uuid[]) OR twiml_app_sid = ANY($5::text[])) AND id <> $1)
      OR (EXISTS (SELECT 1 FROM phone_numbers WHERE e164 = ANY($6::text[]) AND workspace_id <> $1)
          AND NOT EXISTS (SELECT 1 FROM phone_numbers WHERE e164 = ANY($6::text[]) AND workspace_id = $1)) AS foreign`;

export const scopeArgs = (holder: { workspaceId: string; sealed: string }, accountSid: string, r: AddressedResources) => [
  holder.workspaceId,
  r.callLogIds,
  r.callSids,
  r.workspaceIds,
  r.applicationSids,
  r.trackingNumbers,
  accountSid,
  holder.sealed,
];
