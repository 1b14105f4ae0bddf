import { Module } from '@nestjs/common';
import { RealtimeEmitter } from './realtime.emitter.js';

/**
 * The emitter alone, with no dependencies, so modules the gateway itself depends on (workspace
 * members, auth sessions) can end sockets without an import cycle. RealtimeModule re-exports it.
 */
@Module({ providers: [RealtimeEmitter], exports: [RealtimeEmitter] })
export class RealtimeEmitterModule {}
