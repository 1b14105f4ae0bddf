import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

// Loopback, private, link-local (cloud metadata), carrier-grade NAT, unique-local, unspecified.
const PRIVATE = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16]] as const) {
  PRIVATE.addSubnet(net, bits, 'ipv4');
}
// IPv4-mapped IPv6 (::ffff:a.b.c.d) is checked against the IPv4 ranges by BlockList itself.
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10]] as const) {
  PRIVATE.addSubnet(net, bits, 'ipv6');
}

/** The AI endpoint is somewhere this server must not be sent (its own network). */
export class EndpointNotAllowed extends Error {}

const isPrivate = (address: string) => PRIVATE.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

/**
 * Refuses an endpoint that resolves to a private address unless allowed (AI_ALLOW_PRIVATE_ENDPOINTS:
 * a local Ollama or vLLM, or the sandbox). Workspace admins choose the base URL; without this, the
 * server would fetch its own network (cloud metadata, internal services) for them.
 */
export async function assertEndpointAllowed(baseUrl: string, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch (e) {
    throw new EndpointNotAllowed(`Could not resolve the AI endpoint ${host}: ${(e as Error).message}`);
  }
  const blocked = addresses.find(isPrivate);
  if (blocked) {
    throw new EndpointNotAllowed(`The AI endpoint ${host} is a private address (${blocked}); set AI_ALLOW_PRIVATE_ENDPOINTS=on to use a model server on your own network`);
  }
}
