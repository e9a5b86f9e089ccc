import { Module } from '@nestjs/common';
import { AuthoritiesModule } from '../authorities/authorities.module';
import { PkiPersistenceModule } from '../persistence/pki-persistence.module';
import { PKI_STATION_COMMANDS } from '../pki-station-commands';
import { CertificateExpiryController } from './certificate-expiry.controller';
import { CertificateExpiryCalendarRepository } from './certificate-expiry-calendar.repository';
import { CertificateExpiryMetrics } from './certificate-expiry.metrics';
import { CertificateExpiryRepository } from './certificate-expiry.repository';
import { InstalledCertificateReader } from './installed-certificate.reader';
import { InstalledCertificateRepository } from './installed-certificate.repository';
import { InstalledCertificatesController } from './installed-certificates.controller';
import { IssuedCertificateRepository } from './issued-certificate.repository';
import { IssuedCertificatesController } from './issued-certificates.controller';
import { StationConnectionConsumer } from './station-connection.consumer';
import { StationInventoriesController } from './station-inventories.controller';
import { StationSecurityRepository } from './station-security.repository';

/** Every controller of the PKI's REST API in this capability, for the role-matrix spec and the module. */
export const inventoryControllers = [IssuedCertificatesController, InstalledCertificatesController, StationInventoriesController, CertificateExpiryController];

/**
 * The certificates this PKI issued, with their hash data (REST at /api/issued-certificates), and
 * what every station has installed (GetInstalledCertificateIds; /api/installed-certificates,
 * /api/station-inventories), and when they expire (/api/certificate-expiry).
 */
@Module({
  imports: [PkiPersistenceModule, AuthoritiesModule, PKI_STATION_COMMANDS],
  controllers: inventoryControllers,
  providers: [IssuedCertificateRepository, InstalledCertificateRepository, StationSecurityRepository, InstalledCertificateReader, StationConnectionConsumer, CertificateExpiryRepository, CertificateExpiryMetrics, CertificateExpiryCalendarRepository],
  exports: [CertificateExpiryMetrics, IssuedCertificateRepository, InstalledCertificateRepository, StationSecurityRepository, InstalledCertificateReader, PKI_STATION_COMMANDS],
})
export class InventoryModule {}
