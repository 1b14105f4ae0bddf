import type { INestApplication, Type } from '@nestjs/common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../src/bootstrap.js';
import { type AppConfig, loadConfig } from '../src/config/app-config.js';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  close(): Promise<void>;
}

/** The real API (same bootstrap as npm start) on the run's PostgreSQL, not listening: use supertest. */
export async function createTestApp(
  env: Record<string, string> = {},
  extra: { controllers?: Type<unknown>[]; sandboxUrl?: string } = {},
): Promise<TestApp> {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('TEST_DATABASE_URL is not set: run through jest (global setup starts PostgreSQL)');
  const config = loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'ringtonic-api-')),
    DATABASE_URL: databaseUrl,
    PUBLIC_URL: 'http://localhost:3999',
    ENCRYPTION_KEY: 'a'.repeat(64),
    LOG_LEVEL: 'warn',
    ...env,
  });
  const api = await createApi(config, extra);
  return { app: api.app, config, close: api.close };
}
