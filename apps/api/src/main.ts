import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { type Sandbox, startSandbox } from '@ringtonic/sandbox';
import { join } from 'node:path';
import { createApi } from './bootstrap.js';
import { type AppConfig, ConfigError, loadConfig } from './config/app-config.js';
import { DEMO_SANDBOX_SEED, seedDemoDialer } from './demo/demo-dialer.js';
import { DEMO_PASSWORD, DEMO_USERS, DEMO_WORKSPACE, seedDemo } from './demo/demo-seed.js';

function configOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`${e.message}\nFix these in your environment or .env (see .env.example).`);
      process.exit(1);
    }
    throw e;
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  // The sandbox stands in for Twilio unless SANDBOX=off; its state lives beside the database.
  let sandbox: Sandbox | null = null;
  if (config.sandbox.enabled) {
    sandbox = await startSandbox({
      port: config.sandbox.port,
      publicUrl: `http://localhost:${config.sandbox.port}`,
      secondMs: 1000,
      stateFile: join(config.dataDir, 'sandbox.json'),
      seed: config.seedDemo ? DEMO_SANDBOX_SEED : undefined,
    });
  }
  const sandboxUrl = sandbox ? `http://localhost:${sandbox.port}` : null;
  const api = await createApi(config, { sandboxUrl });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    Logger.log(`${signal}: shutting down`, 'Main');
    await api.close().catch((e: unknown) => console.error(e));
    await sandbox?.stop().catch((e: unknown) => console.error(e));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const demo = config.seedDemo ? await seedDemo(api.app) : null;
  if (demo && sandboxUrl) await seedDemoDialer(api.app, demo.workspaceId, sandboxUrl);
  await api.app.listen(config.port);

  const url = `http://localhost:${config.port}`;
  const lines = ['', '  Ring Tonic Browser Dialer is running', `  App:      ${url}`, `  API docs: ${url}/api/docs`];
  lines.push(
    sandbox
      ? `  Twilio sandbox (caller console): http://localhost:${sandbox.port}`
      : '  Twilio: the real one (SANDBOX=off); PUBLIC_URL must be reachable by Twilio',
  );
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
