import { clientNetwork } from './client-network.js';

describe('clientNetwork', () => {
  it('should keep an IPv4 address as it is', () => {
    expect(clientNetwork('198.51.100.9')).toBe('198.51.100.9');
  });

  it('should read an IPv4-mapped IPv6 address as its IPv4 address', () => {
    expect(clientNetwork('::ffff:198.51.100.9')).toBe('198.51.100.9');
    expect(clientNetwork('::FFFF:c633:6409')).toBe('198.51.100.9');
  });

  it('should key an IPv6 address by its /64, however it is written', () => {
    expect(clientNetwork('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(clientNetwork('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('should keep anything else as it came, or "unknown"', () => {
    expect(clientNetwork('not-an-ip')).toBe('not-an-ip');
    expect(clientNetwork(undefined)).toBe('unknown');
  });
});
