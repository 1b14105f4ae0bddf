import { type INestApplication, Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppModule } from './app.module.js';
import { PostgresIoAdapter } from './realtime/postgres-io.adapter.js';
import { configureApp, serveSpa } from './app.setup.js';
import { RedactingLogger } from './common/redacting-logger.js';
import { resolveMasterKey, SecretBox } from './common/secret-box.js';
import type { AppConfig } from './config/app-config.js';
import { runMigrations } from './database/data-source.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres.js';
import { PostgresSupervisor } from './database/postgres-supervisor.js';

export interface RunningApi {
  app: INestApplication;
  databaseUrl: string;
  close(): Promise<void>;
}

const LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

/** Database (embedded unless DATABASE_URL), migrations, the initialised Nest app; not yet listening. */
export async function createApi(
  config: AppConfig,
  extra: { controllers?: Type<unknown>[]; sandboxUrl?: string | null } = {},
): Promise<RunningApi> {
  const logger = new Logger('Bootstrap');
  mkdirSync(config.dataDir, { recursive: true });
  const master = resolveMasterKey(config.encryptionKeyHex, config.dataDir);
  if (master.source === 'generated') logger.log(`Generated an encryption key in ${join(config.dataDir, 'encryption.key')}; back it up with the data`);

  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    // Supervised: a postmaster that dies is started again, and the pools reconnect to it.
    embedded = await PostgresSupervisor.supervise(() => startEmbeddedPostgres(join(config.dataDir, 'postgres'), config.embeddedPgPort));
    databaseUrl = embedded.url;
  }
  try {
    const ran = await runMigrations(databaseUrl);
    if (ran.length) logger.log(`Applied migrations: ${ran.join(', ')}`);
    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot({ config, secretBox: new SecretBox(master.key), databaseUrl, sandboxUrl: extra.sandboxUrl ?? null, extraControllers: extra.controllers }),
      { logger: new RedactingLogger({ logLevels: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1) }) },
    );
    configureApp(app, config.trustProxy);
    app.useWebSocketAdapter(new PostgresIoAdapter(app, databaseUrl));
    const webDist = config.webDistDir ?? fileURLToPath(new URL('../../web/dist', import.meta.url));
    if (!serveSpa(app, webDist)) logger.log(`No built SPA in ${webDist}: API only (npm start builds it)`);
    await app.init(); // lifecycle hooks (e.g. provisioning registration) run before anything uses the app
    return {
      app,
      databaseUrl,
      close: async () => {
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
}
