import { formatPhone, toE164 } from './phone.js';

describe('toE164', () => {
  it.each([
    ['(212) 555-1234', 'US', '+12125551234'],
    ['212.555.1234', 'US', '+12125551234'],
    ['+44 20 7946 0958', 'US', '+442079460958'],
    ['020 7946 0958', 'GB', '+442079460958'],
  ])('should normalise %s in a %s workspace', (raw, country, e164) => {
    expect(toE164(raw, country)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['12', /too short/],
    ['abc', /not a phone number/],
    ['2125551234999', /too long|not a valid/],
    ['   ', /required/],
  ])('should refuse %s with a reason', (raw, reason) => {
    const sut = toE164(raw, 'US');
    expect(sut.ok).toBe(false);
    expect(sut.ok ? '' : sut.reason).toMatch(reason);
  });
});

describe('formatPhone', () => {
  it('should format home numbers nationally and foreign ones internationally', () => {
    expect(formatPhone('+12125551234', 'US')).toBe('(212) 555-1234');
    expect(formatPhone('+442079460958', 'US')).toBe('+44 20 7946 0958');
  });
});
