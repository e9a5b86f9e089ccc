import type { CertificateHashData, HashAlgorithm } from './certificate-hash-data';

/** The use types GetInstalledCertificateIds knows (2.0.1 names, which results use whatever the station's version). */
export const INSTALLED_CERTIFICATE_TYPES = ['CSMSRootCertificate', 'ManufacturerRootCertificate', 'V2GRootCertificate', 'MORootCertificate', 'V2GCertificateChain'] as const;

/** One certificate a station reported, named by the hash data it reported (DeleteCertificate must use them as they are). */
export interface ReportedCertificate {
  readonly certificateType: string;
  readonly hashData: CertificateHashData;
  /** For the sub-CAs of a V2GCertificateChain: the serial of the chain's leaf certificate they belong to. */
  readonly parentSerialNumber?: string;
}

const HASH_ALGORITHMS: ReadonlySet<string> = new Set<HashAlgorithm>(['SHA256', 'SHA384', 'SHA512']);

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function hashDataOf(entry: Record<string, unknown>): CertificateHashData | undefined {
  const hashAlgorithm = text(entry.hashAlgorithm);
  const issuerNameHash = text(entry.issuerNameHash);
  const issuerKeyHash = text(entry.issuerKeyHash);
  const serialNumber = text(entry.serialNumber);
  if (!hashAlgorithm || !HASH_ALGORITHMS.has(hashAlgorithm) || !issuerNameHash || !issuerKeyHash || !serialNumber) return undefined;
  return { hashAlgorithm: hashAlgorithm as HashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber };
}

const objects = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null) : [];

/**
 * The certificates of a GetInstalledCertificateIds answer in its version-neutral form
 * (`{ certificates: [{ type, hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber, children? }] }`).
 * Entries without complete hash data are left out: they could not be deleted by them anyway.
 */
export function reportedCertificatesOf(result: Record<string, unknown> | undefined): ReportedCertificate[] {
  return objects(result?.certificates).flatMap((entry) => {
    const hashData = hashDataOf(entry);
    const certificateType = text(entry.type);
    if (!hashData || !certificateType) return [];
    const children = objects(entry.children).flatMap((child) => {
      const childHash = hashDataOf(child);
      return childHash ? [{ certificateType, hashData: childHash, parentSerialNumber: hashData.serialNumber }] : [];
    });
    return [{ certificateType, hashData }, ...children];
  });
}
