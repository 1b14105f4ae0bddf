import twilio from 'twilio';
import type BaseRequestClient from 'twilio/lib/base/RequestClient.js';

const TWILIO_ORIGIN = /^https:\/\/[a-z0-9.-]*twilio\.com(?=\/|$)/i;

// Rewrites a Twilio URL (https://api.twilio.com/…, https://lookups.twilio.com/…, edge/region
// hosts) onto the sandbox, keeping the path and query.
export function toSandboxUrl(url: string, sandboxUrl: string): string {
  return url.replace(TWILIO_ORIGIN, sandboxUrl.replace(/\/$/, ''));
}

// The twilio library's supported hook (`httpClient`): the unmodified library sends its exact
// paths, form fields and basic auth to the sandbox, and follows next_page_uri through it too.
//   twilio(accountSid, authToken, { httpClient: new SandboxRequestClient(sandbox.url) })
export class SandboxRequestClient extends twilio.RequestClient {
  constructor(
    readonly sandboxUrl: string,
    options?: ConstructorParameters<typeof twilio.RequestClient>[0],
  ) {
    super(options);
  }

  override request<TData>(opts: BaseRequestClient.RequestOptions<TData>) {
    return super.request<TData>({ ...opts, uri: toSandboxUrl(opts.uri, this.sandboxUrl) });
  }
}
