import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApi } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { DEMO_PASSWORD, DEMO_USERS, DEMO_WORKSPACE, seedDemo } from './demo/demo-seed.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`${e.message}\nFix these in your environment or .env (see .env.example).`);
      process.exit(1);
    }
    throw e;
  }
  const api = await createApi(config);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    Logger.log(`${signal}: shutting down`, 'Main');
    await api.close().catch((e: unknown) => console.error(e));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const demo = config.seedDemo ? await seedDemo(api.app) : null;
  await api.app.listen(config.port);

  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    '  Ring Tonic Browser Dialer is running',
    `  App:      ${url}`,
    `  API docs: ${url}/api/docs`,
  ];
  if (demo) {
    lines.push('', `  Demo workspace "${DEMO_WORKSPACE}" — password for every demo login: ${DEMO_PASSWORD}`);
    for (const u of DEMO_USERS) lines.push(`    ${u.role.padEnd(8)} ${u.email}`);
  }
  lines.push('', '  Press Ctrl+C to stop.', '');
  console.log(lines.join('\n'));
}

main().catch((e: unknown) => {
  console.error('Ring Tonic failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
