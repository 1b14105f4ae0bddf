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
}

/** Twilio's error code from a failed REST call, or null for a transport error. */
export function twilioErrorCode(e: unknown): number | null {
  return e instanceof twilio.RestException ? (e.code ?? e.status) : null;
}

export function twilioErrorStatus(e: unknown): number | null {
  return e instanceof twilio.RestException ? e.status : null;
}
