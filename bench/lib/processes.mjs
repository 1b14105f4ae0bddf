// Child processes for the ring benchmark: spawn a measured server, call it over IPC, read CPU use.
import { fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const server = new URL('../ring-server.mjs', import.meta.url);

/** Forks bench/ring-server.mjs `role` and resolves once it listens: { url, pid, call(cmd, args), cpu(), close() }. */
export function startServer(role, env, execArgv = []) {
  const child = fork(server, [role], { env: { ...process.env, ...env }, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map();
  let seq = 0;
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${role} server exited (${code}) before it was ready`)));
    child.on('message', (m) => {
      if (m.ready) {
        const call = (cmd, args) =>
          new Promise((res, rej) => {
            const id = ++seq;
            pending.set(id, { res, rej });
            child.send({ id, cmd, args });
          });
        resolve({
          url: m.url,
          pid: child.pid,
          call,
          cpu: async () => cpuMs(await call('cpu')),
          close: () => Promise.race([call('close').catch(() => undefined), new Promise((r) => child.once('exit', r))]),
        });
        return;
      }
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error) p?.rej(new Error(m.error));
      else p?.res(m.result);
    });
  });
}

const cpuMs = (u) => (u.user + u.system) / 1000;
export const ownCpu = () => cpuMs(process.cpuUsage());

// PostgreSQL's CPU: the postmaster and all its backends, from /proc (clock ticks → ms); `byKind`
// splits it by process title (client backends vs autovacuum, checkpointer, WAL writer…).
export function postgresCpu(dataDir, byKind = null) {
  const postmaster = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pid) !== postmaster && Number(f[1]) !== postmaster) continue;
      const t = Number(f[11]) + Number(f[12]);
      ticks += t;
      if (byKind) {
        const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
        const kind = /postgres: \S+ \S+ [\d.]+\(/.test(title) ? 'client backends' : title.replace(/^postgres: /, '').trim().split(' ').slice(0, 2).join(' ');
        byKind[kind] = (byKind[kind] ?? 0) + t * 10;
      }
    } catch {
      // the process ended while we read
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}
