import { Global, Module, type DynamicModule } from '@nestjs/common';
import { SecretBox } from './secret-box.js';

@Global()
@Module({})
export class SecretBoxModule {
  static forRoot(box: SecretBox): DynamicModule {
    return { module: SecretBoxModule, providers: [{ provide: SecretBox, useValue: box }], exports: [SecretBox] };
  }
}
