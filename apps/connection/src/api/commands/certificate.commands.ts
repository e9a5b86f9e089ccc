import { z } from 'zod';
import { command } from './command-spec';

// Certificates on the station (1.6 security extension, 2.0.1).

const ROOT_TYPES = ['CSMSRootCertificate', 'CentralSystemRootCertificate', 'ManufacturerRootCertificate', 'V2GRootCertificate', 'MORootCertificate'] as const;

export const certificateCommands = {
  'certificate-signed': command({
    summary: 'Send a signed certificate',
    description: 'CertificateSigned: the certificate chain the CSMS signed for the station (1.6: always its own certificate).',
    fields: {
      certificateChain: z.string().min(1).max(10_000).meta({ description: 'PEM chain, leaf first.' }),
      certificateType: z.enum(['ChargingStationCertificate', 'V2GCertificate']).optional(),
    },
    toBody: (input) => ({ case: 'certificateSigned', value: { certificateChainPem: input.certificateChain, certificateType: input.certificateType ?? '' } }),
  }),
  'install-certificate': command({
    summary: 'Install a root certificate',
    description: 'InstallCertificate. Either version’s type names are accepted.',
    fields: { certificateType: z.enum(ROOT_TYPES), certificate: z.string().min(1).max(5500).meta({ description: 'PEM.' }) },
    toBody: (input) => ({ case: 'installCertificate', value: { certificateType: input.certificateType, certificatePem: input.certificate } }),
  }),
  'delete-certificate': command({
    summary: 'Delete a certificate',
    description: 'DeleteCertificate, by its hash data (as get-installed-certificate-ids returns them).',
    fields: {
      hashAlgorithm: z.enum(['SHA256', 'SHA384', 'SHA512']),
      issuerNameHash: z.string().min(1).max(128),
      issuerKeyHash: z.string().min(1).max(128),
      serialNumber: z.string().min(1).max(40),
    },
    toBody: (input) => ({ case: 'deleteCertificate', value: { certificate: input } }),
  }),
  'get-installed-certificate-ids': command({
    summary: 'List installed certificates',
    description: 'GetInstalledCertificateIds. 1.6 asks for exactly one type; 2.0.1 for any (none: all).',
    fields: { certificateTypes: z.array(z.enum([...ROOT_TYPES, 'V2GCertificateChain'])).max(10).default([]) },
    toBody: (input) => ({ case: 'getInstalledCertificateIds', value: { certificateTypes: input.certificateTypes } }),
  }),
};
