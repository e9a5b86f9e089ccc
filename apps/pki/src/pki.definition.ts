import type { ServiceDefinition } from '@app/runtime';
import { PkiModule } from './pki.module';

/** The HTTP port the service listens on when it runs alone (HTTP_PORT overrides it). */
export const PKI_DEFAULT_HTTP_PORT = 3002;

export const pkiService: ServiceDefinition = {
  name: 'pki',
  module: PkiModule,
  title: 'CSMS PKI (certificates, security events)',
};
