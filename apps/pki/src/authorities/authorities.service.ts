import { randomUUID } from 'node:crypto';
import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import type { SubjectFields } from '../x509/distinguished-name';
import { fromPem, toPem } from '../x509/pem-certificate';
import { createRootCa, createSubCa } from './ca-hierarchy';
import { type CaCertificateFacts, caCertificateFactsOf } from './ca-certificate-facts';
import { type CaKeyStorage, CaKeyStore, type StoredCaKey } from './ca-key-store';
import { type CaKeyType, caKeySpecFor } from './ca-key-type';
import { defaultRevocationPointers } from './ca-pointers';
import { CaRegistryError, CaRegistryErrorCode } from './ca-registry.error';
import { type CaRole, PARENT_ROLE, ROOT_ROLES, isIssuingRole } from './ca-role';
import { type CertificateAuthority, CertificateAuthorityError, certificateAuthorityOf } from './certificate-authority';
import { type CaRecord, CertificateAuthorityRepository } from './certificate-authority.repository';
import type { RevocationPointers } from './certificate-profiles';

export interface NewCa {
  readonly name: string;
  readonly role: CaRole;
  /** For a sub-CA: the root that certifies it. */
  readonly parentId?: string;
  readonly subject: SubjectFields;
  readonly keyType: CaKeyType;
  /** Where the key is generated and kept (default: an encrypted file). */
  readonly keyStorage?: CaKeyStorage;
  readonly validityDays: number;
  /** Overrides of this PKI's own CRL/OCSP URLs, written into what the new CA issues. */
  readonly crlUrl?: string;
  readonly ocspUrl?: string;
  /** Issuing CAs only: make it the one that signs its role's CSRs (default true). */
  readonly activate?: boolean;
}

export interface ImportedCa {
  readonly name: string;
  readonly role: CaRole;
  readonly parentId?: string;
  readonly certificatePem: string;
  /** Encrypted PKCS#8 under PKI_CA_KEY_PASSPHRASE. */
  readonly encryptedKeyPem: string;
  readonly crlUrl?: string;
  readonly ocspUrl?: string;
  readonly activate?: boolean;
}

/** A CA ready to issue, with what the registry knows of it. */
export interface IssuingCa {
  readonly record: CaRecord;
  readonly authority: CertificateAuthority;
}

/**
 * The CA registry: creates roots and issuing sub-CAs over new encrypted key files, imports
 * existing ones, and opens the active issuing CA of a role for signing (kept open once opened).
 */
@Injectable()
export class AuthoritiesService {
  private readonly opened = new Map<string, Promise<CertificateAuthority>>();
  private readonly publicUrl: string;

  constructor(
    private readonly authorities: CertificateAuthorityRepository,
    private readonly keys: CaKeyStore,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
  ) {
    this.publicUrl = config.pki.publicUrl;
  }

  list(role?: CaRole): Promise<CaRecord[]> {
    return this.authorities.list(role);
  }

  async get(id: string): Promise<CaRecord> {
    const record = await this.authorities.find(id);
    if (!record) throw new CaRegistryError(CaRegistryErrorCode.notFound, `no CA ${id}`);
    return record;
  }

  async create(request: NewCa): Promise<CaRecord> {
    await this.refuseTakenName(request.name);
    const parent = await this.parentOf(request.role, request.parentId);
    const id = randomUUID();
    const pointers = this.pointersOf(id, request);
    const key = await this.keys.create(id, caKeySpecFor(request.keyType), request.keyStorage).catch((error: unknown) => Promise.reject(mapped(error)));
    try {
      const options = { subject: request.subject, validityDays: request.validityDays, pointers };
      const authority = parent ? await createSubCa(await this.open(parent), key.signer, options) : await createRootCa(key.signer, options);
      return await this.store(id, request, parent, authority.certificate, key, pointers);
    } catch (error) {
      await this.keys.discard(key.kind, key.reference);
      throw mapped(error);
    }
  }

  async import(request: ImportedCa): Promise<CaRecord> {
    await this.refuseTakenName(request.name);
    const parent = await this.parentOf(request.role, request.parentId);
    const der = fromPem(request.certificatePem);
    const facts = der ? caCertificateFactsOf(der) : undefined;
    if (!der || !facts) throw new CaRegistryError(CaRegistryErrorCode.invalidCertificate, 'certificatePem is not one readable PEM X.509 certificate');
    if (!facts.isCa) throw new CaRegistryError(CaRegistryErrorCode.invalidCertificate, 'the certificate is not a CA certificate (basicConstraints cA is not set)');
    const id = randomUUID();
    const pointers = this.pointersOf(id, request);
    const key = await this.keys.import(id, request.encryptedKeyPem);
    try {
      certificateAuthorityOf(der, key.signer, pointers);
      return await this.store(id, request, parent, der, key, pointers, facts);
    } catch (error) {
      await this.keys.discard(key.kind, key.reference);
      throw mapped(error);
    }
  }

  /** Makes an issuing CA the one that signs its role's CSRs. */
  async activate(id: string): Promise<CaRecord> {
    const record = await this.get(id);
    if (!isIssuingRole(record.role)) throw new CaRegistryError(CaRegistryErrorCode.notIssuing, `CA ${id} is a ${record.role}; only issuing sub-CAs sign station CSRs`);
    if (record.notAfter.getTime() <= Date.now()) throw new CaRegistryError(CaRegistryErrorCode.notIssuing, `CA ${id} expired at ${record.notAfter.toISOString()}`);
    await this.authorities.activate(id, record.role);
    return this.get(id);
  }

  /** The active issuing CA of `role`, opened; undefined when none is active (CSRs then wait). */
  async issuing(role: 'stationSubCa' | 'v2gSubCa'): Promise<IssuingCa | undefined> {
    const record = await this.authorities.findActive(role);
    if (!record) return undefined;
    return { record, authority: await this.open(record) };
  }

  /** The CA of a stored record, its key opened once per process. */
  open(record: CaRecord): Promise<CertificateAuthority> {
    let authority = this.opened.get(record.id);
    if (!authority) {
      const pointers: RevocationPointers = { crlUrl: record.crlUrl ?? undefined, ocspUrl: record.ocspUrl ?? undefined };
      authority = this.keys.open(record.keyKind, record.keyReference).then((signer) => certificateAuthorityOf(fromPem(record.certificatePem) ?? Buffer.alloc(0), signer, pointers));
      authority.catch(() => this.opened.delete(record.id));
      this.opened.set(record.id, authority);
    }
    return authority;
  }

  private async store(
    id: string,
    request: { name: string; role: CaRole; activate?: boolean },
    parent: CaRecord | undefined,
    certificate: Buffer,
    key: StoredCaKey,
    pointers: RevocationPointers,
    known?: CaCertificateFacts,
  ): Promise<CaRecord> {
    const facts = known ?? caCertificateFactsOf(certificate);
    if (!facts) throw new CaRegistryError(CaRegistryErrorCode.invalidCertificate, 'the CA certificate cannot be read back');
    const stored = await this.authorities.insert({
      id,
      name: request.name,
      role: request.role,
      parentId: parent?.id ?? null,
      certificatePem: toPem(certificate),
      ...facts,
      keyAlgorithm: key.signer.algorithm.name,
      keyKind: key.kind,
      keyReference: key.reference,
      crlUrl: pointers.crlUrl ?? null,
      ocspUrl: pointers.ocspUrl ?? null,
    });
    if (!stored) throw new CaRegistryError(CaRegistryErrorCode.nameTaken, `a CA named ${JSON.stringify(request.name)} exists`);
    if (isIssuingRole(request.role) && request.activate !== false) await this.authorities.activate(id, request.role);
    return this.get(id);
  }

  private pointersOf(id: string, request: { crlUrl?: string; ocspUrl?: string }): RevocationPointers {
    const defaults = defaultRevocationPointers(this.publicUrl, id);
    return { crlUrl: request.crlUrl ?? defaults.crlUrl, ocspUrl: request.ocspUrl ?? defaults.ocspUrl };
  }

  private async refuseTakenName(name: string): Promise<void> {
    if (await this.authorities.nameTaken(name)) throw new CaRegistryError(CaRegistryErrorCode.nameTaken, `a CA named ${JSON.stringify(name)} exists`);
  }

  private async parentOf(role: CaRole, parentId: string | undefined): Promise<CaRecord | undefined> {
    if (ROOT_ROLES.has(role)) {
      if (parentId !== undefined) throw new CaRegistryError(CaRegistryErrorCode.invalidParent, `a ${role} is self-signed and has no parent`);
      return undefined;
    }
    if (parentId === undefined) throw new CaRegistryError(CaRegistryErrorCode.invalidParent, `a ${role} needs parentId: the root that certifies it`);
    const parent = await this.authorities.find(parentId);
    const expected = PARENT_ROLE[role as 'stationSubCa' | 'v2gSubCa'];
    if (!parent) throw new CaRegistryError(CaRegistryErrorCode.invalidParent, `no CA ${parentId}`);
    if (parent.role !== expected) throw new CaRegistryError(CaRegistryErrorCode.invalidParent, `a ${role} hangs under a ${expected}, and CA ${parentId} is a ${parent.role}`);
    if (parent.notAfter.getTime() <= Date.now()) throw new CaRegistryError(CaRegistryErrorCode.invalidParent, `CA ${parentId} expired at ${parent.notAfter.toISOString()}`);
    return parent;
  }
}

/** Errors of the CA building blocks as registry errors, for the REST edge. */
function mapped(error: unknown): unknown {
  if (error instanceof CertificateAuthorityError) {
    return new CaRegistryError(error.code === 'keyMismatch' ? CaRegistryErrorCode.invalidKey : CaRegistryErrorCode.invalidParent, error.message);
  }
  return error;
}
