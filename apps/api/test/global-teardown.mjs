import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const db = globalThis.__RT_DB__;
  if (!db) return;
  await db.server.stop();
  rmSync(db.dir, { recursive: true, force: true });
}
