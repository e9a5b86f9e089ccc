import type { OcppVersion } from '@app/ocpp';
import { SimulatedStation } from '@app/simulator';
import { OperatorApiClient } from './operator-api-client';
import { type ServiceProcess, eventually } from './service-process';

export interface SignedStationOptions {
  id: string;
  version: OcppVersion;
  serialNumber: string;
  organization: string;
  /** The gateway's ws:// OCPP URL (without the station id). */
  wsUrl: string;
  password: string;
  api: OperatorApiClient;
  connection: ServiceProcess;
  pki: ServiceProcess;
}

/**
 * A simulated station registered on security profile 1 with its serial number, booted, that has
 * sent a CSR (SignCertificate) and holds the certificate the PKI signed: the start of every PKI
 * scenario that needs a station certificate. The caller disposes of the station.
 */
export async function signedStation(options: SignedStationOptions): Promise<{ station: SimulatedStation; identity: { certPem: string; keyPem: string } }> {
  const { id, version, serialNumber, organization, wsUrl, password, api, connection, pki } = options;
  const registered = await api.call(connection.baseUrl, 'PUT', `/api/stations/${id}`, 'admin', { securityProfile: 1, password, serialNumber });
  if (registered.status !== 201) throw new Error(`registering ${id} answered ${registered.status}`);
  const station = new SimulatedStation({ id, version, identity: { serialNumber }, organization, connection: { url: wsUrl, securityProfile: 1, password } });
  try {
    await station.connect();
    await station.boot();
    await station.signCertificate();
    const identity = await eventually(`${id} holds its signed certificate`, async () => station.certificates.clientIdentity(), 60_000, [connection, pki]);
    return { station, identity };
  } catch (error) {
    await station.dispose();
    throw error;
  }
}
