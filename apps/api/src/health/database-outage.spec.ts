// Which failures are a lost database connection, told apart on real errors from pg and PostgreSQL,
// and one log line per outage however many operations fail.
import pg from 'pg';
import { freePort } from '../../../../scripts/lib/free-port.mjs';
import { DatabaseOutage, isDatabaseUnavailable } from './database-outage.js';

async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (e) {
    return e;
  }
  throw new Error('expected it to fail');
}

function collectingLogger() {
  const lines: string[] = [];
  return { lines, logger: { error: (m: unknown) => void lines.push(`error ${String(m)}`), log: (m: unknown) => void lines.push(`log ${String(m)}`) } };
}

describe('database outage', () => {
  const url = process.env.TEST_DATABASE_URL!;

  it('should tell a refused connection, a terminated session and a dropped socket from a bad query', async () => {
    const port = await freePort();
    const refused = await errorOf(() => new pg.Client({ host: '127.0.0.1', port, user: 'x', database: 'x' }).connect());

    const victim = new pg.Client({ connectionString: url });
    const errors: Error[] = [];
    victim.on('error', (e) => errors.push(e));
    await victim.connect();
    const pid = (await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    for (let i = 0; i < 100 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const afterwards = await errorOf(() => victim.query('SELECT 1'));
    const badQuery = await errorOf(() => admin.query('SELEC 1'));
    const missing = await errorOf(() => admin.query('SELECT * FROM no_such_table'));
    await admin.end();

    expect((refused as { code?: string }).code).toBe('ECONNREFUSED');
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect((errors[0] as { code?: string }).code).toBe('57P01'); // terminating connection due to administrator command
    expect(isDatabaseUnavailable(errors[0])).toBe(true);
    expect(isDatabaseUnavailable(afterwards)).toBe(true); // the broken client is not queryable
    expect(isDatabaseUnavailable({ ...(errors[0] as object), message: (errors[0] as Error).message })).toBe(true); // as pg-boss re-emits it
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(badQuery)).toBe(false);
    expect(isDatabaseUnavailable(missing)).toBe(false);
    expect(isDatabaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it('should log a lost connection once per outage, and its end once, with how many operations failed', () => {
    const { lines, logger } = collectingLogger();
    const sut = new DatabaseOutage(logger);
    const lost = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

    expect(sut.failed('POST /webhooks/twilio/voice/inbound', new Error('duplicate key value'))).toBe(false);
    sut.reached(); // nothing to end
    expect(lines).toEqual([]);
    for (let i = 0; i < 250; i++) expect(sut.failed(i % 2 ? 'job queue' : 'realtime', lost)).toBe(true);
    expect(sut.down).toBe(true);
    sut.reached();
    sut.reached();
    expect(sut.down).toBe(false);
    sut.failed('realtime', lost); // the next outage is logged again

    expect(lines).toEqual([
      'error Lost the database connection (realtime: connect ECONNREFUSED 127.0.0.1:5432); reconnecting, and saying so once it is back',
      expect.stringMatching(/^log Database connection back after \d+\.\d s \(250 failed operations meanwhile\)$/),
      'error Lost the database connection (realtime: connect ECONNREFUSED 127.0.0.1:5432); reconnecting, and saying so once it is back',
    ]);
  });
});
