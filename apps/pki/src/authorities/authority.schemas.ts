import { z } from 'zod';
import { CA_KEY_TYPES } from './ca-key-type';
import { CA_ROLES } from './ca-role';
import type { CaRecord } from './certificate-authority.repository';

const timestamp = z.iso.datetime({ offset: true });
const httpUrl = z.url({ protocol: /^https?$/ }).max(512);
const name = z.string().trim().min(1).max(100).meta({ description: 'Unique name of the CA in this PKI.', example: 'CSMS Root 2026' });
const role = z.enum(CA_ROLES).meta({
  description: 'root: the CSMS root (what OCPP_TLS_CA_FILE holds); stationSubCa: issuing CA for charging-station certificates; v2gRoot / v2gSubCa: the same for V2G (ISO 15118) certificates.',
});
const revocation = {
  crlUrl: httpUrl.optional().meta({ description: 'CRL distribution point written into what this CA issues; default: this PKI’s own CRL route for the CA.' }),
  ocspUrl: httpUrl.optional().meta({ description: 'OCSP URL written into what this CA issues; default: this PKI’s own OCSP route for the CA.' }),
};
const activate = z.boolean().optional().meta({ description: 'Issuing CAs: make it the active CA of its role, which signs the station CSRs (default true).' });

export const caIdSchema = z.uuid().meta({ description: 'Id of the CA.' });

export const createCaBody = z.strictObject({
  name,
  role,
  parentId: caIdSchema.optional().meta({ description: 'Sub-CAs: the root that certifies it (root for stationSubCa, v2gRoot for v2gSubCa).' }),
  commonName: z.string().trim().min(1).max(64).meta({ example: 'CSMS Station Sub-CA' }),
  organization: z.string().trim().min(1).max(64).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code')
    .optional(),
  keyType: z.enum(CA_KEY_TYPES).default('EC-P256').meta({ description: 'Key of the new CA, generated where keyStorage says.' }),
  keyStorage: z
    .enum(['file', 'pkcs11'])
    .default('file')
    .meta({ description: 'Where the new key is generated and kept: `file` encrypted under PKI_KEY_DIR, or `pkcs11` inside the HSM token of PKI_PKCS11_* (never extractable).' }),
  validityDays: z.number().int().min(1).max(36_500).meta({ description: 'How long the CA certificate is valid; a sub-CA never outlives its root.', example: 3650 }),
  ...revocation,
  activate,
});
export type CreateCaBody = z.output<typeof createCaBody>;

export const importCaBody = z.strictObject({
  name,
  role,
  parentId: caIdSchema.optional().meta({ description: 'Sub-CAs: the root of this PKI that certified it, if it is one.' }),
  certificatePem: z.string().min(1).max(20_000).meta({ description: 'The CA certificate, PEM.' }),
  encryptedKeyPem: z
    .string()
    .min(1)
    .max(20_000)
    .meta({ description: 'Its private key as encrypted PKCS#8 PEM (BEGIN ENCRYPTED PRIVATE KEY) under PKI_CA_KEY_PASSPHRASE. Stored as a file under PKI_KEY_DIR, never in the database or returned.' }),
  ...revocation,
  activate,
});
export type ImportCaBody = z.output<typeof importCaBody>;

export const listCasQuery = z.strictObject({ role: role.optional() });
export type ListCasQuery = z.output<typeof listCasQuery>;

export const caSchema = z.object({
  id: caIdSchema,
  name: z.string(),
  role,
  parentId: z.string().nullable(),
  subject: z.string(),
  serialNumber: z.string().meta({ description: 'Lower-case hex without leading zeroes.' }),
  notBefore: timestamp,
  notAfter: timestamp,
  keyAlgorithm: z.string().meta({ example: 'ecdsa-with-SHA256' }),
  keyStorage: z.enum(['file', 'pkcs11']).meta({ description: 'Where the private key is: an encrypted file or an HSM. The key itself is never shown.' }),
  crlUrl: z.string().nullable(),
  ocspUrl: z.string().nullable(),
  active: z.boolean().meta({ description: 'The issuing CA that signs its role’s CSRs.' }),
  certificatePem: z.string(),
  createdAt: timestamp,
});
export const caListSchema = z.object({ items: z.array(caSchema) });
export type CaView = z.output<typeof caSchema>;

export function caViewOf(record: CaRecord): CaView {
  return {
    id: record.id,
    name: record.name,
    role: record.role,
    parentId: record.parentId,
    subject: record.subject,
    serialNumber: record.serialNumber,
    notBefore: record.notBefore.toISOString(),
    notAfter: record.notAfter.toISOString(),
    keyAlgorithm: record.keyAlgorithm,
    keyStorage: record.keyKind,
    crlUrl: record.crlUrl,
    ocspUrl: record.ocspUrl,
    active: record.active,
    certificatePem: record.certificatePem,
    createdAt: record.createdAt.toISOString(),
  };
}
