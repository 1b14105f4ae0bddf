import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveMasterKey, SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  const sut = new SecretBox(randomBytes(32));

  it('should round-trip a secret and never store it in clear', () => {
    const sealed = sut.encrypt('my-twilio-auth-token');
    expect(sealed).not.toContain('my-twilio-auth-token');
    expect(sut.decrypt(sealed)).toBe('my-twilio-auth-token');
  });

  it('should use a fresh IV each time', () => {
    expect(sut.encrypt('same')).not.toBe(sut.encrypt('same'));
  });

  it('should refuse a tampered ciphertext (GCM authentication)', () => {
    const [v, iv, tag, body] = sut.encrypt('secret value').split(':');
    const flipped = Buffer.from(body!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => sut.decrypt([v, iv, tag, flipped.toString('base64')].join(':'))).toThrow();
  });

  it('should refuse a ciphertext sealed under another key', () => {
    expect(() => new SecretBox(randomBytes(32)).decrypt(sut.encrypt('x'))).toThrow();
  });
});

describe('resolveMasterKey', () => {
  it('should generate a key once into the data dir, private, and reuse it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rt-key-'));
    const first = resolveMasterKey(null, dir);
    expect(first.source).toBe('generated');
    expect(statSync(join(dir, 'encryption.key')).mode & 0o077).toBe(0);
    const second = resolveMasterKey(null, dir);
    expect(second.source).toBe('file');
    expect(second.key.equals(first.key)).toBe(true);
    expect(readFileSync(join(dir, 'encryption.key'), 'utf8').trim()).toBe(first.key.toString('hex'));
  });

  it('should prefer ENCRYPTION_KEY when set', () => {
    const hex = 'ab'.repeat(32);
    expect(resolveMasterKey(hex, '/nonexistent').key.toString('hex')).toBe(hex);
  });
});
