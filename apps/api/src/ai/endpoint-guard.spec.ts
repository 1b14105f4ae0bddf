import { lookup as dnsLookup } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blockedRange, EndpointNotAllowed } from './endpoint-guard.js';
import { createGuardedFetch, endpointRefusal, type GuardedFetch } from './guarded-fetch.js';

describe('blockedRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.5', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.254', 'carrierGradeNat'],
    ['198.18.0.1', 'reserved'],
    ['198.19.255.255', 'reserved'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped'],
    ['::ffff:10.0.0.1', 'IPv4-mapped'],
    ['::ffff:8.8.8.8', 'IPv4-mapped'],
    ['::7f00:1', 'IPv4-compatible'],
    ['::a9fe:a9fe', 'IPv4-compatible'],
    ['64:ff9b::7f00:1', 'NAT64'],
    ['64:ff9b::169.254.169.254', 'NAT64'],
    ['64:ff9b:1::a00:1', 'NAT64'],
    ['2002:7f00:1::1', '6to4'],
    ['2001:0:4136:e378::1', 'teredo'],
    ['2001:db8::1', 'reserved'],
    ['fec0::1', 'deprecatedSiteLocal'],
    ['4000::1', 'not global unicast'],
    ['not-an-ip', 'not an IP address'],
  ])('should refuse %s (%s)', (address, range) => {
    expect(blockedRange(address)).toBe(range);
  });

  it('should refuse the dotted IPv4-compatible form (URLs and DNS give ::7f00:1, a literal may not)', () => {
    expect(blockedRange('::127.0.0.1')).not.toBeNull();
    expect(new URL('http://[::127.0.0.1]/').hostname).toBe('[::7f00:1]');
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '198.20.0.1', '100.128.0.1', '2606:4700:4700::1111', '2001:4860:4860::8888'])(
    'should let the public address %s through',
    (address) => {
      expect(blockedRange(address)).toBeNull();
    },
  );
});

describe('createGuardedFetch (connect-time guard)', () => {
  let target: Server;
  let targetUrl: string;
  const seen: string[] = [];
  const guards: GuardedFetch[] = [];
  const guard = (...args: Parameters<typeof createGuardedFetch>) => {
    const g = createGuardedFetch(...args);
    guards.push(g);
    return g;
  };
  const listen = async (server: Server) => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return (server.address() as AddressInfo).port;
  };

  beforeAll(async () => {
    target = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push(`${req.method} ${req.url}`);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ contentType: req.headers['content-type'] ?? null, body }));
      });
    });
    targetUrl = `http://127.0.0.1:${await listen(target)}`;
  });
  beforeEach(() => {
    seen.length = 0;
  });
  afterAll(async () => {
    await Promise.all(guards.map((g) => g.close()));
    await new Promise((r) => target.close(r));
  });

  const refusal = async (p: Promise<unknown>) => {
    const e = await p.then(() => null, (err: unknown) => err);
    return endpointRefusal(e);
  };

  it('should refuse a literal private address before connecting, and allow it with private endpoints on', async () => {
    const refused = await refusal(guard({ allowPrivate: false }).fetch(`${targetUrl}/v1/models`));
    expect(refused).toBeInstanceOf(EndpointNotAllowed);
    expect(refused!.message).toMatch(/127\.0\.0\.1 is a private address \(loopback\); set AI_ALLOW_PRIVATE_ENDPOINTS=on/);
    expect(seen).toEqual([]);
    const ok = await guard({ allowPrivate: true }).fetch(`${targetUrl}/v1/models`);
    expect(ok.status).toBe(200);
    expect(seen).toEqual(['GET /v1/models']);
  });

  it('should refuse a name resolving to a private address at connect time (localhost)', async () => {
    const port = new URL(targetUrl).port;
    const refused = await refusal(guard({ allowPrivate: false }).fetch(`http://localhost:${port}/v1/models`));
    expect(refused?.message).toMatch(/The AI endpoint localhost \((127\.0\.0\.1|::1)\) is a private address \(loopback\)/);
    expect(seen).toEqual([]);
  });

  it('should check the address the connection resolves, not an earlier answer (DNS rebinding)', async () => {
    const port = new URL(targetUrl).port;
    let calls = 0;
    // A rebinding resolver: public on the first question (what a check ahead of time would see), then loopback.
    const rebinding = ((host: string, options: object, cb: (e: null, a: Array<{ address: string; family: number }>) => void) => {
      calls++;
      if (host !== 'models.rebind.test') return dnsLookup(host, options as never, cb as never);
      cb(null, [{ address: calls === 1 ? '8.8.8.8' : '127.0.0.1', family: 4 }]);
    }) as unknown as typeof dnsLookup;
    rebinding('models.rebind.test', {}, () => undefined); // the "check" a pre-flight lookup would have done
    const refused = await refusal(guard({ allowPrivate: false, lookup: rebinding }).fetch(`http://models.rebind.test:${port}/v1/models`));
    expect(refused?.message).toMatch(/models\.rebind\.test \(127\.0\.0\.1\) is a private address/);
    expect(seen).toEqual([]);
    // The resolver's answer is where the connection goes: with private endpoints on it reaches the server.
    const res = await guard({ allowPrivate: true, lookup: rebinding }).fetch(`http://models.rebind.test:${port}/v1/models`);
    expect(res.status).toBe(200);
  });

  it('should not follow a redirect, even from an allowed server, and name where it pointed', async () => {
    const redirector = createServer((req, res) => {
      res.writeHead(302, { location: `${targetUrl}${req.url}` }).end();
    });
    const port = await listen(redirector);
    try {
      const g = guard({ allowPrivate: false, exempt: new Set([`127.0.0.1:${port}`]) });
      const refused = await refusal(g.fetch(`http://127.0.0.1:${port}/v1/models`));
      expect(refused?.message).toBe(`The AI endpoint answered 302 redirecting to ${targetUrl}/v1/models; redirects are not followed: enter the final base URL`);
      expect(seen).toEqual([]);
      // Private endpoints on: still not followed.
      expect((await refusal(guard({ allowPrivate: true }).fetch(`http://127.0.0.1:${port}/v1/models`)))?.message).toMatch(/redirects are not followed/);
      expect(seen).toEqual([]);
    } finally {
      await new Promise((r) => redirector.close(r));
    }
  });

  it('should send the global FormData (the openai library uploads) as multipart', async () => {
    const form = new FormData();
    form.append('model', 'whisper-1');
    form.append('file', new Blob(['RIFF-audio']), 'call.wav');
    const res = await guard({ allowPrivate: true }).fetch(`${targetUrl}/v1/audio/transcriptions`, { method: 'POST', body: form });
    const echoed = (await res.json()) as { contentType: string; body: string };
    expect(echoed.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(echoed.body).toContain('name="file"; filename="call.wav"');
    expect(echoed.body).toContain('RIFF-audio');
  });
});
