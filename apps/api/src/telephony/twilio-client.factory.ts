import { Inject, Injectable } from '@nestjs/common';
import twilio from 'twilio';
import { SandboxRequestClient } from '@ringtonic/sandbox';
import { TELEPHONY_OPTIONS, type TelephonyOptions } from './telephony.options.js';

export type TwilioClient = twilio.Twilio;

export type TwilioCredentials =
  | { accountSid: string; authToken: string }
  | { accountSid: string; apiKeySid: string; apiKeySecret: string };

/** The one place that makes twilio REST clients; in sandbox mode they reach the sandbox. */
@Injectable()
export class TwilioClientFactory {
  private readonly httpClient: SandboxRequestClient | undefined;

  constructor(@Inject(TELEPHONY_OPTIONS) readonly options: TelephonyOptions) {
    this.httpClient = options.sandboxUrl ? new SandboxRequestClient(options.sandboxUrl) : undefined;
  }

  get provider(): 'twilio' | 'sandbox' {
    return this.options.sandboxUrl ? 'sandbox' : 'twilio';
  }

  create(creds: TwilioCredentials): TwilioClient {
    const opts = { httpClient: this.httpClient, accountSid: creds.accountSid, timeout: 10_000 };
    return 'authToken' in creds
      ? twilio(creds.accountSid, creds.authToken, opts)
      : twilio(creds.apiKeySid, creds.apiKeySecret, opts);
  }

  /**
   * A recording's audio from Twilio's media URL with the account's credentials (basic auth; Twilio
   * answers with a redirect to storage, which fetch follows without the credentials). The timeout
   * covers the answer's headers; `signal` (the caller's) covers the whole download.
   */
  async recordingMedia(
    creds: { accountSid: string; authToken: string },
    recordingSid: string,
    format: 'wav' | 'mp3',
    signal?: AbortSignal,
  ): Promise<Response> {
    if (!RECORDING_SID.test(recordingSid)) throw new RecordingFetchError(400, `Not a recording SID: ${recordingSid}`);
    const base = this.options.sandboxUrl ?? 'https://api.twilio.com';
    const url = `${base}/2010-04-01/Accounts/${creds.accountSid}/Recordings/${recordingSid}.${format}`;
    const auth = Buffer.from(`${creds.accountSid}:${creds.authToken}`).toString('base64');
    const headersTimeout = AbortSignal.timeout(30_000);
    let res: Response;
    try {
      res = await fetch(url, { headers: { Authorization: `Basic ${auth}` }, signal: signal ? AbortSignal.any([signal, headersTimeout]) : headersTimeout });
    } catch (e) {
      if (signal?.aborted) throw e;
      throw new RecordingFetchError(null, `Could not reach Twilio for recording ${recordingSid}: ${(e as Error).message}`);
    }
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { message?: string; code?: number } | null;
      const detail = body?.message ? `: ${body.message.slice(0, 300)}` : '';
      throw new RecordingFetchError(res.status, `Twilio answered ${res.status} for recording ${recordingSid}${detail}`, body?.code ?? null);
    }
    return res;
  }
}

export class RecordingFetchError extends Error {
  constructor(
    readonly status: number | null,
    message: string,
    /** Twilio's error code, e.g. 16109 (an encrypted recording has no .mp3). */
    readonly code: number | null = null,
  ) {
    super(message);
  }
}

const RECORDING_SID = /^RE[0-9a-f]{32}$/;

/** Twilio's error code from a failed REST call, or null for a transport error. */
export function twilioErrorCode(e: unknown): number | null {
  return e instanceof twilio.RestException ? (e.code ?? e.status) : null;
}

export function twilioErrorStatus(e: unknown): number | null {
  return e instanceof twilio.RestException ? e.status : null;
}
