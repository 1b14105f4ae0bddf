import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module.js';
import { SecretBoxModule } from './common/secret-box.provider.js';
import type { SecretBox } from './common/secret-box.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { dataSourceOptions } from './database/data-source.js';
import { HealthModule } from './health/health.module.js';
import { DialerProvisioningModule } from './dialer-provisioning/dialer-provisioning.module.js';
import { TelephonyModule } from './telephony/telephony.module.js';
import { TokensModule } from './tokens/tokens.module.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { PresenceModule } from './presence/presence.module.js';
import { RoutingModule } from './routing/routing.module.js';
import { ContactsModule } from './contacts/contacts.module.js';
import { CallLogsModule } from './call-logs/call-logs.module.js';
import { AiModule } from './ai/ai.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { UsersModule } from './users/users.module.js';
import { WorkspaceModule } from './workspace/workspace.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  secretBox: SecretBox;
  databaseUrl: string;
  /** The local Twilio sandbox's URL, or null for the real Twilio. */
  sandboxUrl: string | null;
  /** Test-only controllers (e.g. permission probes) mounted beside the real ones. */
  extraControllers?: Type<unknown>[];
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.config),
        SecretBoxModule.forRoot(options.secretBox),
        TypeOrmModule.forRoot(dataSourceOptions(options.databaseUrl)),
        JobsModule.forRoot(options.databaseUrl),
        UsersModule,
        WorkspaceModule,
        AuthModule,
        TelephonyModule.forRoot({ sandboxUrl: options.sandboxUrl }),
        DialerProvisioningModule,
        TokensModule,
        RealtimeModule,
        PresenceModule,
        RoutingModule,
        ContactsModule,
        CallLogsModule,
        AiModule,
        HealthModule,
      ],
      controllers: [...(options.extraControllers ?? [])],
    };
  }
}
