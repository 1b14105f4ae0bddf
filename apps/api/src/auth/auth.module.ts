import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SecretBox } from '../common/secret-box.js';
import { RealtimeEmitterModule } from '../realtime/realtime-emitter.module.js';
import { UsersModule } from '../users/users.module.js';
import { WorkspaceModule } from '../workspace/workspace.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { RefreshSessionEntity } from './entities/refresh-session.entity.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { SessionsService } from './sessions.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([RefreshSessionEntity]),
    JwtModule.registerAsync({
      inject: [SecretBox],
      // A KeyObject, so jsonwebtoken does not first try (and fail) to parse the secret as a public key on every verify.
      useFactory: (box: SecretBox) => ({ secret: createSecretKey(box.derive('access-token')) as unknown as string }),
    }),
    UsersModule,
    WorkspaceModule,
    RealtimeEmitterModule,
  ],
  controllers: [AuthController],
  providers: [AuthService, SessionsService, LoginThrottleService, AuthGuard, { provide: APP_GUARD, useExisting: AuthGuard }],
  exports: [AuthGuard],
})
export class AuthModule {}
