import { type INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import type { Server, ServerOptions } from 'socket.io';
import { databaseOutage } from '../health/database-outage.js';

/** How the adapter's connections show in pg_stat_activity. */
export const REALTIME_APPLICATION_NAME = 'ringtonic-realtime';

/**
 * Socket.IO with the Postgres adapter, so rooms and broadcasts span every API instance.
 *
 * The adapter keeps one client checked out of the pool for LISTEN. pg-pool watches only idle clients
 * for errors, so a dropped LISTEN connection (PostgreSQL restarted) would emit an unhandled 'error'
 * and crash the process: every client gets a listener on connect. The adapter then sees the client's
 * 'end' and reconnects and re-LISTENs by itself (every 1–3 s until PostgreSQL answers), but never
 * hands the dead client back: it is released here, or each outage would leak one of the pool's slots.
 */
export class PostgresIoAdapter extends IoAdapter {
  private readonly log = new Logger(PostgresIoAdapter.name);
  private readonly pool: pg.Pool;

  constructor(app: INestApplicationContext, databaseUrl: string) {
    super(app);
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 4, application_name: REALTIME_APPLICATION_NAME, connectionTimeoutMillis: 5_000 });
    const onError = (e: Error) => this.failed(e);
    this.pool.on('error', onError); // idle clients
    this.pool.on('connect', (client) => {
      client.on('error', onError); // checked-out ones, above all the LISTEN client
      databaseOutage.reached();
    });
  }

  override createIOServer(port: number, options?: Partial<ServerOptions>): Server {
    const server = super.createIOServer(port, { ...options, transports: ['websocket'] } as ServerOptions) as Server;
    server.adapter(createAdapter(listenerPool(this.pool), { heartbeatInterval: 2000, heartbeatTimeout: 6000, errorHandler: (e: Error) => this.failed(e) }));
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await this.pool.end().catch(() => undefined);
  }

  private failed(e: Error): void {
    if (!databaseOutage.failed('realtime', e)) this.log.warn(`Realtime adapter: ${e.message}`);
  }
}

/**
 * The pool as the adapter sees it: queries go straight through; the client it checks out to LISTEN
 * is released once its connection ends, and a client it gave up on (LISTEN failed) is closed when
 * it asks for the next one, so there is never a second LISTEN connection delivering twice.
 */
function listenerPool(pool: pg.Pool): pg.Pool {
  let current: pg.PoolClient | null = null;
  const released = new WeakSet<pg.PoolClient>();
  // With an error, pg-pool discards the connection instead of keeping it idle.
  const release = (client: pg.PoolClient, reason: string) => client.release(new Error(reason));
  const facade = {
    query: pool.query.bind(pool),
    connect: async () => {
      const client = await pool.connect();
      if (current && current !== client) {
        current.removeAllListeners('notification');
        current.removeAllListeners('end');
        release(current, 'replaced by a new LISTEN connection');
      }
      current = client;
      client.once('end', () => {
        if (current === client) current = null;
        release(client, 'LISTEN connection ended');
      });
      // Released once, whoever comes first: this facade when the connection ends, or the adapter on close.
      const once = client.release.bind(client);
      client.release = (err?: Error | boolean) => {
        if (released.has(client)) return;
        released.add(client);
        once(err);
      };
      return client;
    },
  };
  return facade as unknown as pg.Pool;
}
