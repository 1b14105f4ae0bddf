import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { createGuardedFetch, type EndpointFetch, type GuardedFetch } from './guarded-fetch.js';

/** The one guarded connection pool every request to an AI endpoint goes through (docs/ai.md). */
@Injectable()
export class AiEndpoints implements OnModuleDestroy {
  private readonly exempt = new Set<string>();
  private readonly guarded: GuardedFetch;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.guarded = createGuardedFetch({ allowPrivate: config.aiAllowPrivateEndpoints, exempt: this.exempt });
  }

  get fetch(): EndpointFetch {
    return this.guarded.fetch;
  }

  /** Tests only: let `host:port` through as if it were a public server (there is none offline). Returns the undo. */
  exemptForTests(host: string, port: number): () => void {
    const key = `${host}:${port}`;
    this.exempt.add(key);
    return () => this.exempt.delete(key);
  }

  onModuleDestroy(): Promise<void> {
    return this.guarded.close();
  }
}
