/**
 * The PKI's REST answers the certificates pages read, mirrored from the pki service's zod schemas
 * (apps/pki/src/**\/*.schemas.ts): the console reaches the services over HTTP only, so it keeps its own copy.
 */
export interface CertificateAuthority {
  id: string;
  name: string;
  role: 'root' | 'stationSubCa' | 'v2gRoot' | 'v2gSubCa';
  parentId: string | null;
  subject: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  keyAlgorithm: string;
  keyStorage: 'file' | 'pkcs11';
  crlUrl: string | null;
  ocspUrl: string | null;
  active: boolean;
  certificatePem: string;
  createdAt: string;
}

export interface HashData {
  hashAlgorithm: string;
  issuerNameHash: string;
  issuerKeyHash: string;
  serialNumber: string;
}

export interface IssuedCertificate {
  serialNumber: string;
  issuerCaId: string;
  stationId: string;
  certificateType: string;
  subject: string;
  notBefore: string;
  notAfter: string;
  csrFingerprint: string;
  hashData: HashData;
  issuedAt: string;
  /** From the PKI's revocation records (by CA and serial); null while it is not revoked. */
  revocation: { revokedAt: string; reason: RevocationReason } | null;
}

/** RFC 5280 CRLReason names the PKI accepts (certificateHold, removeFromCRL and aACompromise are refused there). */
export const REVOCATION_REASONS = ['unspecified', 'keyCompromise', 'cACompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation', 'privilegeWithdrawn'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

export interface Revocation {
  caId: string;
  serialNumber: string;
  reason: RevocationReason;
  revokedAt: string;
  revokedBy: string;
  certificateNotAfter: string;
}

export const SIGNING_REQUEST_STATUSES = ['pending', 'issued', 'refused', 'timedOut'] as const;
export type SigningRequestStatus = (typeof SIGNING_REQUEST_STATUSES)[number];

export interface SigningRequest {
  id: string;
  stationId: string;
  certificateType: string;
  csrFingerprint: string;
  stationSerialNumber: string | null;
  status: SigningRequestStatus;
  refusalCode: string | null;
  reason: string | null;
  certificateSerial: string | null;
  delivery: 'sent' | 'accepted' | 'rejected' | 'failed' | null;
  receivedAt: string;
  decidedAt: string | null;
  updatedAt: string;
}

export interface InstalledCertificate {
  stationId: string;
  certificateType: string;
  hashData: HashData;
  parentSerialNumber?: string;
  subject?: string;
  notAfter?: string;
  caId?: string;
  reportedAt: string;
}

export interface StationSecurity {
  stationId: string;
  protocol: string;
  securityProfile: number;
  minimumSecurityProfile?: number;
  connectedAt: string;
  inventoryReadAt?: string;
  inventoryError?: string;
  installedCount: number;
}

export interface StationInventory extends StationSecurity {
  installed: InstalledCertificate[];
}

export interface RefreshAnswer {
  stationId: string;
  status: 'read' | 'failed';
  detail?: string;
  installed: InstalledCertificate[];
}

export type StepOutcome = 'accepted' | 'rejected' | 'failed' | 'offline';

export interface StepAnswer {
  status: string;
  result?: Record<string, unknown>;
  errorCode?: string;
  errorDescription?: string;
}

export interface RootJob {
  id: string;
  kind: 'install' | 'delete' | 'rollover';
  certificateType: string;
  subject?: string;
  notAfter?: string;
  status: 'running' | 'done' | 'partiallyFailed';
  phase: 'sending' | 'installingNew' | 'deletingOld' | 'finished' | 'holdingOldRoot';
  concurrency: number;
  createdBy: string;
  createdAt: string;
  finishedAt?: string;
  counts: Record<string, number>;
}

export interface RootJobStation {
  stationId: string;
  install?: StepOutcome;
  installAnswer?: StepAnswer;
  installAt?: string;
  confirmedAt?: string;
  delete?: StepOutcome;
  deleteAnswer?: StepAnswer;
  deleteAt?: string;
  keepsOldRoot?: boolean;
}

export interface RootJobDetail extends RootJob {
  stations: RootJobStation[];
}

export const ROOT_CERTIFICATE_TYPES = ['CSMSRootCertificate', 'ManufacturerRootCertificate', 'V2GRootCertificate', 'MORootCertificate'] as const;

export interface ProfileUpgradeStep {
  step: string;
  action: string;
  ok: boolean;
  at: string;
  answer?: unknown;
  detail?: string;
}

export interface ProfileUpgrade {
  id: string;
  stationId: string;
  protocol: '1.6' | '2.0.1';
  fromProfile: number;
  toProfile: number;
  csmsUrl: string;
  status: 'running' | 'succeeded' | 'failed';
  step: string;
  steps: ProfileUpgradeStep[];
  reason: string | null;
  requestedBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  updatedAt: string;
}
