import { Module } from '@nestjs/common';
import { PkiPersistenceModule } from '../persistence/pki-persistence.module';
import { IssuedCertificateRepository } from './issued-certificate.repository';
import { IssuedCertificatesController } from './issued-certificates.controller';

/** Every controller of the PKI's REST API in this capability, for the role-matrix spec and the module. */
export const inventoryControllers = [IssuedCertificatesController];

/** The certificates this PKI issued, with their hash data; REST at /api/issued-certificates. */
@Module({
  imports: [PkiPersistenceModule],
  controllers: inventoryControllers,
  providers: [IssuedCertificateRepository],
  exports: [IssuedCertificateRepository],
})
export class InventoryModule {}
