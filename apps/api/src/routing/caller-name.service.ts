import { Injectable, Logger } from '@nestjs/common';
import { TwilioClientFactory } from '../telephony/twilio-client.factory.js';
import { WorkspaceService } from '../workspace/workspace.service.js';

const LOOKUP_TIMEOUT_MS = 1500;

/** CNAM through Twilio Lookup, best effort and time-boxed: ringing never waits long for a name. */
@Injectable()
export class CallerNameService {
  private readonly logger = new Logger(CallerNameService.name);

  constructor(
    private readonly twilio: TwilioClientFactory,
    private readonly workspaces: WorkspaceService,
  ) {}

  async lookup(workspaceId: string, e164: string): Promise<string | null> {
    const s = await this.workspaces.twilioCredentials(workspaceId);
    if (!s.accountSid || !s.authToken) return null;
    const client = this.twilio.create({ accountSid: s.accountSid, authToken: s.authToken });
    const lookup = client.lookups.v2
      .phoneNumbers(e164)
      .fetch({ fields: 'caller_name' })
      .then((r) => (r.callerName as { caller_name?: string | null; callerName?: string | null } | null) ?? null)
      .then((c) => c?.caller_name ?? c?.callerName ?? null)
      .catch((e: Error) => {
        this.logger.debug(`Caller name lookup failed for a call: ${e.message}`);
        return null;
      });
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), LOOKUP_TIMEOUT_MS).unref());
    return Promise.race([lookup, timeout]);
  }
}
