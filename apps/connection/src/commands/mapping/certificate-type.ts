import type { Ocpp16, Ocpp201 } from '@app/ocpp';
import { lookup } from './payload-fields';

// Certificate types. Commands may use either version's names; the CSMS root is
// "CentralSystemRootCertificate" in 1.6 and "CSMSRootCertificate" in 2.0.1. Results use the
// 2.0.1 names, the larger vocabulary, whatever the station's version.

const CSMS_ROOT_16 = 'CentralSystemRootCertificate';
const CSMS_ROOT_201 = 'CSMSRootCertificate';

const rootTypes16: Readonly<Record<string, Ocpp16.CertificateUseEnumType>> = {
  [CSMS_ROOT_16]: CSMS_ROOT_16,
  [CSMS_ROOT_201]: CSMS_ROOT_16,
  ManufacturerRootCertificate: 'ManufacturerRootCertificate',
};

const installTypes201: Readonly<Record<string, Ocpp201.InstallCertificateUseEnumType>> = {
  [CSMS_ROOT_201]: CSMS_ROOT_201,
  [CSMS_ROOT_16]: CSMS_ROOT_201,
  ManufacturerRootCertificate: 'ManufacturerRootCertificate',
  V2GRootCertificate: 'V2GRootCertificate',
  MORootCertificate: 'MORootCertificate',
};

const installedTypes201: Readonly<Record<string, Ocpp201.GetCertificateIdUseEnumType>> = {
  ...installTypes201,
  V2GCertificateChain: 'V2GCertificateChain',
};

/** The 1.6 name of a root certificate type (InstallCertificate, GetInstalledCertificateIds), else undefined. */
export function rootCertificateType16(name: string): Ocpp16.CertificateUseEnumType | undefined {
  return lookup(rootTypes16, name);
}

/** The 2.0.1 name of a type InstallCertificate takes, else undefined. */
export function installCertificateType201(name: string): Ocpp201.InstallCertificateUseEnumType | undefined {
  return lookup(installTypes201, name);
}

/** The 2.0.1 name of a type GetInstalledCertificateIds asks for, else undefined. */
export function installedCertificateType201(name: string): Ocpp201.GetCertificateIdUseEnumType | undefined {
  return lookup(installedTypes201, name);
}

/** The neutral (2.0.1) name of a type a station reported. */
export function neutralCertificateType(name: string): string {
  return name === CSMS_ROOT_16 ? CSMS_ROOT_201 : name;
}
