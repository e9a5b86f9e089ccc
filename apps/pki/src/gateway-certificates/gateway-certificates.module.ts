import { Module } from '@nestjs/common';
import { AuthoritiesModule } from '../authorities/authorities.module';
import { InventoryModule } from '../inventory/inventory.module';
import { PkiPersistenceModule } from '../persistence/pki-persistence.module';
import { GatewayServerCertificatesController } from './gateway-server-certificates.internal.controller';
import { GatewayServerCertificatesService } from './gateway-server-certificates.service';

/** The gateway's own TLS server certificates, issued on its CSRs (internal API). */
@Module({
  imports: [PkiPersistenceModule, AuthoritiesModule, InventoryModule],
  controllers: [GatewayServerCertificatesController],
  providers: [GatewayServerCertificatesService],
})
export class GatewayCertificatesModule {}
