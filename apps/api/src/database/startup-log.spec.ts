import { postgresFailureReason, StartupLog } from './startup-log.js';

// Lines as PostgreSQL 18 writes them to stderr (log_line_prefix '%m [%p] ').
const at = (level: string, text: string) => `2026-12-03 10:00:00.000 UTC [4242] ${level}:  ${text}`;

describe('postgresFailureReason', () => {
  it('should name the shared memory still held by an old cluster, with its hint', () => {
    const log = [
      at('LOG', 'starting PostgreSQL 18.0 on x86_64-pc-linux-gnu'),
      at('FATAL', 'pre-existing shared memory block (key 5432001, ID 12) is still in use'),
      at('HINT', 'Terminate any old server processes associated with data directory "/data/postgres".'),
    ].join('\n');
    expect(postgresFailureReason(log)).toBe(
      'pre-existing shared memory block (key 5432001, ID 12) is still in use (Terminate any old server processes associated with data directory "/data/postgres".)',
    );
  });

  it('should name a port in use from the bind failure before "could not create any TCP/IP sockets"', () => {
    const log = [
      at('LOG', 'could not bind IPv4 address "127.0.0.1": Address already in use'),
      at('HINT', 'Is another postmaster already running on port 5432? If not, wait a few seconds and retry.'),
      at('WARNING', 'could not create listen socket for "127.0.0.1"'),
      at('FATAL', 'could not create any TCP/IP sockets'),
      at('LOG', 'database system is shut down'),
    ].join('\n');
    expect(postgresFailureReason(log)).toBe(
      'could not bind IPv4 address "127.0.0.1": Address already in use (Is another postmaster already running on port 5432? If not, wait a few seconds and retry.) could not create any TCP/IP sockets',
    );
  });

  it('should name a lock file held by another postmaster', () => {
    const log = [at('FATAL', 'lock file "postmaster.pid" already exists'), at('HINT', 'Is another postmaster (PID 7216) running in data directory "/d"?')].join('\n');
    expect(postgresFailureReason(log)).toBe('lock file "postmaster.pid" already exists (Is another postmaster (PID 7216) running in data directory "/d"?)');
  });

  it('should say nothing when PostgreSQL logged no failure', () => {
    expect(postgresFailureReason([at('LOG', 'redirecting log output'), at('HINT', 'a hint alone')].join('\n'))).toBeNull();
    expect(postgresFailureReason('')).toBeNull();
  });
});

describe('StartupLog', () => {
  it('should keep whole lines across chunks, only the last 200, and forget them on reset', () => {
    const log = new StartupLog();
    for (let i = 0; i < 250; i++) log.add(`line ${i}\n`);
    expect(log.text().split('\n')).toHaveLength(200);
    expect(log.text().startsWith('line 50')).toBe(true);
    log.reset();
    log.add('a\nFAT');
    log.add('AL: half\n');
    expect(log.text()).toBe('a\nFATAL: half');
  });
});
