import type { AuditSnapshotSource } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import { AuthoritiesService } from '../authorities/authorities.service';
import { caViewOf } from '../authorities/authority.schemas';
import { CaRegistryError, CaRegistryErrorCode } from '../authorities/ca-registry.error';

/** A CA as the API shows it (certificate, validity, active flag); its key never leaves the key store. */
@Injectable()
export class CertificateAuthoritySnapshot implements AuditSnapshotSource {
  constructor(private readonly authorities: AuthoritiesService) {}

  async snapshot(caId: string): Promise<unknown> {
    try {
      return caViewOf(await this.authorities.get(caId));
    } catch (error) {
      if (error instanceof CaRegistryError && error.code === CaRegistryErrorCode.notFound) return null;
      throw error;
    }
  }
}
