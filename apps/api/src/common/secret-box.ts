import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const VERSION = 'v1';

/** AES-256-GCM for secrets at rest (Twilio auth token, API key secret, OpenAI key, invitation links). */
export class SecretBox {
  private readonly key: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('The encryption key must be 32 bytes');
    this.key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'ringtonic:secrets', 32));
    this.masterKey = masterKey;
  }

  private readonly masterKey: Buffer;

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split(':');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Unknown secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }

  /** A key for another purpose (token signing), derived so one master key is enough. */
  derive(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.masterKey, Buffer.alloc(0), `ringtonic:${purpose}`, 32));
  }
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** ENCRYPTION_KEY when set, otherwise a key generated once into DATA_DIR. */
export function resolveMasterKey(hexFromEnv: string | null, dataDir: string): { key: Buffer; source: 'env' | 'file' | 'generated' } {
  if (hexFromEnv) return { key: Buffer.from(hexFromEnv, 'hex'), source: 'env' };
  const file = join(dataDir, 'encryption.key');
  if (existsSync(file)) {
    const hex = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${file} does not hold a 64-hex-character key`);
    return { key: Buffer.from(hex, 'hex'), source: 'file' };
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (e) {
    // Another instance sharing DATA_DIR wrote it first: use theirs.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return resolveMasterKey(null, dataDir);
    throw e;
  }
  return { key, source: 'generated' };
}
