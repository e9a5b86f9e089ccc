import type { Ocpp201, OcppVersion } from '@app/ocpp';
import { type CallMapping, byVersion, call, mapAll, mapped, refuse } from './call-mapping';
import { installCertificateType201, installedCertificateType201, rootCertificateType16 } from './certificate-type';
import type { BodyOf } from './neutral-command.types';
import { compact, nonEmpty, nonEmptyList } from './payload-fields';

// CertificateSigned, InstallCertificate, DeleteCertificate, GetInstalledCertificateIds: 1.6 has
// them through the security extension (same action names), 2.0.1 natively.

const STATION_CERTIFICATE = 'ChargingStationCertificate';

/** 1.6 CertificateSigned has no type: it always carries the station's own (charge point) certificate. */
export function certificateSignedCall(version: OcppVersion, signed: BodyOf<'certificateSigned'>): CallMapping {
  if (signed.certificateChainPem === '') return refuse('certificate_signed has no certificate chain');
  return byVersion(version, {
    '1.6': () =>
      signed.certificateType === '' || signed.certificateType === STATION_CERTIFICATE
        ? call('1.6', 'CertificateSigned', { certificateChain: signed.certificateChainPem })
        : refuse(`OCPP 1.6 CertificateSigned carries the charge point certificate only, not a ${signed.certificateType}`),
    '2.0.1': () => {
      const certificateType = nonEmpty(signed.certificateType);
      if (certificateType !== undefined && certificateType !== STATION_CERTIFICATE && certificateType !== 'V2GCertificate') {
        return refuse(`certificate type "${certificateType}" is neither ChargingStationCertificate nor V2GCertificate`);
      }
      return call('2.0.1', 'CertificateSigned', compact({ certificateChain: signed.certificateChainPem, certificateType }));
    },
  });
}

export function installCertificateCall(version: OcppVersion, install: BodyOf<'installCertificate'>): CallMapping {
  if (install.certificatePem === '') return refuse('install_certificate has no certificate');
  return byVersion(version, {
    '1.6': () => {
      const certificateType = rootCertificateType16(install.certificateType);
      if (certificateType === undefined) return refuse(`OCPP 1.6 cannot install a "${install.certificateType}"`);
      return call('1.6', 'InstallCertificate', { certificateType, certificate: install.certificatePem });
    },
    '2.0.1': () => {
      const certificateType = installCertificateType201(install.certificateType);
      if (certificateType === undefined) return refuse(`OCPP 2.0.1 cannot install a "${install.certificateType}"`);
      return call('2.0.1', 'InstallCertificate', { certificateType, certificate: install.certificatePem });
    },
  });
}

const hashAlgorithms: Readonly<Record<Ocpp201.HashAlgorithmEnumType, true>> = { SHA256: true, SHA384: true, SHA512: true };

function isHashAlgorithm(name: string): name is Ocpp201.HashAlgorithmEnumType {
  return Object.hasOwn(hashAlgorithms, name);
}

/** The hash data are the same in both versions; the schema checks the hash lengths. */
export function deleteCertificateCall(version: OcppVersion, remove: BodyOf<'deleteCertificate'>): CallMapping {
  const certificate = remove.certificate;
  if (certificate === undefined) return refuse('delete_certificate names no certificate');
  const hashAlgorithm = certificate.hashAlgorithm;
  if (!isHashAlgorithm(hashAlgorithm)) return refuse(`hash algorithm "${hashAlgorithm}" is not one of SHA256, SHA384, SHA512`);
  const certificateHashData = {
    hashAlgorithm,
    issuerNameHash: certificate.issuerNameHash,
    issuerKeyHash: certificate.issuerKeyHash,
    serialNumber: certificate.serialNumber,
  };
  return byVersion(version, {
    '1.6': () => call('1.6', 'DeleteCertificate', { certificateHashData }),
    '2.0.1': () => call('2.0.1', 'DeleteCertificate', { certificateHashData }),
  });
}

/** 1.6 asks for exactly one type; 2.0.1 for any number, none meaning every type. */
export function getInstalledCertificateIdsCall(version: OcppVersion, get: BodyOf<'getInstalledCertificateIds'>): CallMapping {
  const types = get.certificateTypes;
  return byVersion(version, {
    '1.6': () => {
      const [only, ...others] = types;
      if (only === undefined || others.length > 0) return refuse(`OCPP 1.6 GetInstalledCertificateIds asks for exactly one certificate type, not ${types.length}`);
      const certificateType = rootCertificateType16(only);
      if (certificateType === undefined) return refuse(`OCPP 1.6 has no installed "${only}" certificates to list`);
      return call('1.6', 'GetInstalledCertificateIds', { certificateType });
    },
    '2.0.1': () => {
      const named = mapAll(types, (type) => {
        const certificateType = installedCertificateType201(type);
        return certificateType === undefined ? refuse(`OCPP 2.0.1 has no "${type}" certificate type`) : mapped(certificateType);
      });
      return named.ok ? call('2.0.1', 'GetInstalledCertificateIds', compact({ certificateType: nonEmptyList(named.value) })) : named;
    },
  });
}
