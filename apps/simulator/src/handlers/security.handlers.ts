import type { Ocpp16, Ocpp201 } from '@app/ocpp';
import { CertificateOutcome } from '../security/certificate.store';
import type { HandlerTable } from './handler-table';
import type { StationControl } from './station-control';

const certificateIdUses: readonly string[] = ['V2GRootCertificate', 'MORootCertificate', 'CSMSRootCertificate', 'V2GCertificateChain', 'ManufacturerRootCertificate'];

const isCertificateIdUse = (type: string): type is Ocpp201.GetCertificateIdUseEnumType => certificateIdUses.includes(type);

function signed(station: StationControl, chain: string): 'Accepted' | 'Rejected' {
  return station.certificates.acceptSigned(chain) === CertificateOutcome.Accepted ? 'Accepted' : 'Rejected';
}

function installed(station: StationControl, type: string, pem: string): 'Accepted' | 'Rejected' {
  return station.certificates.install(type, pem) === CertificateOutcome.Accepted ? 'Accepted' : 'Rejected';
}

/** The security extension (1.6) and certificate management (2.0.1) over one certificate store. */
export const security16: HandlerTable<'1.6'> = {
  CertificateSigned: (request, station) => ({ status: signed(station, request.certificateChain) }),
  InstallCertificate: (request, station) => ({ status: installed(station, request.certificateType, request.certificate) }),
  DeleteCertificate: (request, station) => ({ status: station.certificates.remove(request.certificateHashData) ? 'Accepted' : 'NotFound' }),
  GetInstalledCertificateIds: (request, station): Ocpp16.GetInstalledCertificateIdsResponse => {
    const [first, ...rest] = station.certificates.list([request.certificateType]).map((entry) => ({ ...entry.hashData }));
    return first === undefined ? { status: 'NotFound' } : { status: 'Accepted', certificateHashData: [first, ...rest] };
  },
};

export const security201: HandlerTable<'2.0.1'> = {
  CertificateSigned: (request, station) => ({ status: signed(station, request.certificateChain) }),
  InstallCertificate: (request, station) => ({ status: installed(station, request.certificateType, request.certificate) }),
  DeleteCertificate: (request, station) => ({ status: station.certificates.remove(request.certificateHashData) ? 'Accepted' : 'NotFound' }),
  GetInstalledCertificateIds: (request, station): Ocpp201.GetInstalledCertificateIdsResponse => {
    const chains = station.certificates
      .list(request.certificateType ?? [])
      .flatMap(({ type, hashData }): Ocpp201.CertificateHashDataChainType[] =>
        isCertificateIdUse(type) ? [{ certificateType: type, certificateHashData: { ...hashData } }] : [],
      );
    const [first, ...rest] = chains;
    return first === undefined ? { status: 'NotFound' } : { status: 'Accepted', certificateHashDataChain: [first, ...rest] };
  },
};
