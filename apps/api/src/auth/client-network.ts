import ipaddr from 'ipaddr.js';

/**
 * The client "network" the login throttle counts per: an IPv4 address as it is (IPv4-mapped IPv6
 * read as IPv4), an IPv6 address by its /64 — one subscriber usually holds a whole /64, so counting
 * per /128 would give an attacker 2^64 fresh addresses.
 */
export function clientNetwork(ip: string | undefined): string {
  if (!ip) return 'unknown';
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  const prefix = (address as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${prefix.join(':')}::/64`;
}
