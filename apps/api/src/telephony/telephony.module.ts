import { type DynamicModule, Global, Module } from '@nestjs/common';
import { WorkspaceModule } from '../workspace/workspace.module.js';
import { TELEPHONY_OPTIONS, type TelephonyOptions } from './telephony.options.js';
import { TwilioClientFactory } from './twilio-client.factory.js';
import { TwilioSignatureGuard } from './twilio-signature.guard.js';

@Global()
@Module({})
export class TelephonyModule {
  static forRoot(options: TelephonyOptions): DynamicModule {
    return {
      module: TelephonyModule,
      imports: [WorkspaceModule],
      providers: [{ provide: TELEPHONY_OPTIONS, useValue: options }, TwilioClientFactory, TwilioSignatureGuard],
      exports: [TwilioClientFactory, TwilioSignatureGuard, TELEPHONY_OPTIONS],
    };
  }
}
