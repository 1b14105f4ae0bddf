import { redact } from './redacting-logger.js';

describe('redact', () => {
  it('should mask workspace API keys, bearer tokens and secret-named fields', () => {
    const sut = redact(
      'key rt_abcdefghijklmnopqrstuvwxyz012345 auth Bearer eyJhbGciOi.abc.def {"authToken":"deadbeef","password":"hunter22"} smtp://me:pw@mail:587',
    );
    expect(sut).not.toMatch(/abcdefghijklmnop|eyJhbGciOi|deadbeef|hunter22|:pw@/);
    expect(sut).toContain('rt_[redacted]');
    expect(sut).toContain('Bearer [redacted]');
  });

  it('should leave ordinary lines alone', () => {
    expect(redact('Invitation for a@b.test (agent) is in the outbox')).toBe('Invitation for a@b.test (agent) is in the outbox');
  });
});
