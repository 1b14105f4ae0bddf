import ipaddr from 'ipaddr.js';

/** The AI endpoint is somewhere this server must not be sent (its own network), or it redirected. */
export class EndpointNotAllowed extends Error {}

/** Global unicast IPv6 (2000::/3): everything outside it is local, special or unassigned. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * Why the server must not connect to `address` (a literal IPv4/IPv6 address), or null for a public
 * one. Only plain unicast passes: loopback, RFC 1918, link-local (cloud metadata), CGNAT
 * (100.64/10), benchmarking (198.18/15) and the other reserved IPv4 ranges, multicast, broadcast and
 * unspecified are refused; for IPv6 everything outside 2000::/3 (unique-local, link-local, loopback,
 * IPv4-mapped ::ffff:0:0/96, IPv4-compatible ::/96, NAT64 64:ff9b::/96) and the special ranges
 * inside it (6to4, Teredo, documentation…) that can lead back to an IPv4 address.
 */
export function blockedRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const ip = ipaddr.parse(address);
  const range = ip.range();
  if (ip.kind() === 'ipv4') return range === 'unicast' ? null : range;
  if (range !== 'unicast') return range === 'rfc6052' ? 'NAT64' : range === 'ipv4Mapped' || range === 'rfc6145' ? 'IPv4-mapped' : range;
  if (!ip.match(GLOBAL_UNICAST_V6)) return (ip as ipaddr.IPv6).parts.slice(0, 6).every((p) => p === 0) ? 'IPv4-compatible' : 'not global unicast';
  return null;
}

export function privateEndpointError(host: string, address: string, range: string): EndpointNotAllowed {
  const where = host === address ? address : `${host} (${address})`;
  return new EndpointNotAllowed(
    `The AI endpoint ${where} is a private address (${range}); set AI_ALLOW_PRIVATE_ENDPOINTS=on to use a model server on your own network`,
  );
}
