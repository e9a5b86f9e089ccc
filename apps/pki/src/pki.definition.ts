import type { ServiceDefinition } from '@app/runtime';
import { PkiModule } from './pki.module';

export const pkiService: ServiceDefinition = {
  name: 'pki',
  module: PkiModule,
  title: 'CSMS PKI (certificates, security events)',
};
