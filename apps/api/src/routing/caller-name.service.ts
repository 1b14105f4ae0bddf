import { Injectable, Logger } from '@nestjs/common';
import { type TwilioClient, TwilioClientFactory } from '../telephony/twilio-client.factory.js';
import { WorkspaceService } from '../workspace/workspace.service.js';

const LOOKUP_TIMEOUT_MS = 1500;
// A CNAM answer changes rarely: one lookup per number per hour is plenty (it is billed per lookup).
const NAME_TTL_MS = 60 * 60_000;
// The workspace's Lookup client (decrypted credentials) is reused for a minute, not rebuilt per call.
const CLIENT_TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

/** CNAM through Twilio Lookup, best effort and time-boxed: ringing never waits long for a name. */
@Injectable()
export class CallerNameService {
  private readonly logger = new Logger(CallerNameService.name);
  private readonly names = new Map<string, { name: string | null; until: number }>();
  private readonly clients = new Map<string, { client: TwilioClient; until: number }>();

  constructor(
    private readonly twilio: TwilioClientFactory,
    private readonly workspaces: WorkspaceService,
  ) {}

  async lookup(workspaceId: string, e164: string): Promise<string | null> {
    const key = `${workspaceId}:${e164}`;
    const known = fresh(this.names.get(key));
    if (known) return known.name;
    const client = await this.clientFor(workspaceId);
    if (!client) return null;
    const lookup = client.lookups.v2
      .phoneNumbers(e164)
      .fetch({ fields: 'caller_name' })
      .then((r) => (r.callerName as { caller_name?: string | null; callerName?: string | null } | null) ?? null)
      .then((c) => {
        const name = c?.caller_name ?? c?.callerName ?? null;
        remember(this.names, key, { name, until: Date.now() + NAME_TTL_MS });
        return name;
      })
      .catch((e: Error) => {
        this.logger.debug(`Caller name lookup failed for a call: ${e.message}`);
        return null;
      });
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), LOOKUP_TIMEOUT_MS).unref());
    return Promise.race([lookup, timeout]);
  }

  private async clientFor(workspaceId: string): Promise<TwilioClient | null> {
    const known = fresh(this.clients.get(workspaceId));
    if (known) return known.client;
    const s = await this.workspaces.twilioCredentials(workspaceId);
    if (!s.accountSid || !s.authToken) return null;
    const client = this.twilio.create({ accountSid: s.accountSid, authToken: s.authToken });
    remember(this.clients, workspaceId, { client, until: Date.now() + CLIENT_TTL_MS });
    return client;
  }
}

const fresh = <T extends { until: number }>(e: T | undefined): T | undefined => (e && e.until > Date.now() ? e : undefined);

function remember<T>(map: Map<string, T>, key: string, value: T): void {
  if (map.size >= MAX_ENTRIES && !map.has(key)) map.clear();
  map.set(key, value);
}
