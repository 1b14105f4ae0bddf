// `npm start`'s server: prints URL and demo logins, keeps data across restarts, survives kill -9.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { startProduct, tempDataDir } from './harness.mjs';

const login = (url, email, password) =>
  fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });

test('should print the URL and demo logins, keep data across a restart and recover after kill -9', { timeout: 300_000 }, async () => {
  const dataDir = tempDataDir();
  let server = await startProduct({ dataDir });
  try {
    const out = server.output();
    assert.match(out, new RegExp(`App:\\s+${server.url}`));
    assert.match(out, /owner@demo\.ringtonic\.test/);
    assert.match(out, /password for every demo login: ringtonic-demo/);
    assert.equal((await login(server.url, 'owner@demo.ringtonic.test', 'ringtonic-demo')).status, 200);

    const signup = await fetch(`${server.url}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'keeper@example.test', password: 'keep me please', name: 'Keeper', workspaceName: 'Kept' }),
    });
    assert.equal(signup.status, 201);
    await server.stop('SIGTERM');

    server = await startProduct({ dataDir, port: server.port, pgPort: server.pgPort, sandboxPort: server.sandboxPort });
    assert.equal((await login(server.url, 'keeper@example.test', 'keep me please')).status, 200, 'data kept across a clean restart');
    assert.doesNotMatch(server.output(), /Initialising PostgreSQL/);

    await server.stop('SIGKILL'); // leaves the postmaster running, holding the data dir
    server = await startProduct({ dataDir, port: server.port, pgPort: server.pgPort, sandboxPort: server.sandboxPort });
    assert.match(server.output(), /left running by a previous run/);
    assert.equal((await login(server.url, 'keeper@example.test', 'keep me please')).status, 200, 'works after kill -9');

    // kill -9 of both the server and its PostgreSQL: the lock file names a dead process.
    const postmaster = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    await server.stop('SIGKILL');
    process.kill(postmaster, 'SIGKILL');
    server = await startProduct({ dataDir, port: server.port, pgPort: server.pgPort, sandboxPort: server.sandboxPort });
    assert.equal((await login(server.url, 'keeper@example.test', 'keep me please')).status, 200, 'works after kill -9 of PostgreSQL too');
    await server.stop('SIGTERM');

    // A lock file whose pid now belongs to another process (pid reuse after a reboot): that process is left alone.
    const bystander = spawn('sleep', ['120'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dataDir, 'postgres', 'postmaster.pid'), `${bystander.pid}\n${join(dataDir, 'postgres')}\n`);
      server = await startProduct({ dataDir, port: server.port, pgPort: server.pgPort, sandboxPort: server.sandboxPort });
      assert.match(server.output(), /Removing a stale postmaster\.pid/);
      assert.equal(bystander.exitCode, null, 'the unrelated process is still running');
      assert.equal(bystander.signalCode, null, 'the unrelated process was not signalled');
      assert.equal((await login(server.url, 'keeper@example.test', 'keep me please')).status, 200, 'works after a stale lock file');
    } finally {
      bystander.kill();
    }
  } finally {
    await server.stop('SIGTERM');
  }
});
