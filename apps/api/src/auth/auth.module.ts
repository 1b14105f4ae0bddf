import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SecretBox } from '../common/secret-box.js';
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
      useFactory: (box: SecretBox) => ({ secret: box.derive('access-token') }),
    }),
    UsersModule,
    WorkspaceModule,
  ],
  controllers: [AuthController],
  providers: [AuthService, SessionsService, LoginThrottleService, AuthGuard, { provide: APP_GUARD, useExisting: AuthGuard }],
  exports: [AuthGuard],
})
export class AuthModule {}
