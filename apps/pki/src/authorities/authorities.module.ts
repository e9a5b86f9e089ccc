import { Module } from '@nestjs/common';
import { PkiPersistenceModule } from '../persistence/pki-persistence.module';
import { AuthoritiesController } from './authorities.controller';
import { AuthoritiesService } from './authorities.service';
import { CaKeyStore } from './ca-key-store';
import { CertificateAuthorityRepository } from './certificate-authority.repository';

/** Every controller of the PKI's REST API in this capability, for the role-matrix spec and the module. */
export const authorityControllers = [AuthoritiesController];

/** The CA registry: roots and issuing sub-CAs, their certificates and key references, REST at /api/certificate-authorities. */
@Module({
  imports: [PkiPersistenceModule],
  controllers: authorityControllers,
  providers: [CertificateAuthorityRepository, CaKeyStore, AuthoritiesService],
  exports: [AuthoritiesService],
})
export class AuthoritiesModule {}
