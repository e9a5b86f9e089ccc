import { generateKeyPairSync } from 'node:crypto';
import pino from 'pino';
import type { StationEventEmitter } from '../station-events/station-event.emitter';
import { serialAndIssuerOf } from './client-certificate-identity';
import { certificate, crl } from './crl.fixtures';
import { RevokedConnectionCloser } from './revoked-connection-closer';
import type { StationConnection } from './station-connection';
import { StationConnections } from './station-connections';

const ca = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const REVOKED = Buffer.from('0a0b', 'hex');

/** What the closer uses of a connection: its station, certificate and close. */
function openConnection(stationId: string, serial: Buffer) {
  const closes: Array<[number, string]> = [];
  const connection = {
    stationId,
    clientCertificate: { ...serialAndIssuerOf(certificate(serial, 'Station Sub-CA')), issuerKey: ca.publicKey },
    closes,
    isClosing: false,
    // A close handshake takes a while: the connection stays in the set until the socket is gone.
    close: (code: number, reason: string) => {
      closes.push([code, reason]);
      connection.isClosing = true;
    },
  };
  return connection;
}

describe('RevokedConnectionCloser', () => {
  const events: Array<[string, string, string]> = [];
  const emitter = { securityEvent: async (stationId: string, type: string, techInfo: string) => (events.push([stationId, type, techInfo]), 'id') } as unknown as StationEventEmitter;
  const revokingCrls = [{ der: crl('Station Sub-CA', [REVOKED], ca.privateKey), thisUpdate: new Date(), nextUpdate: undefined }];

  beforeEach(() => events.splice(0));

  it('closes the revoked connections with 1008 and reports each once, however many fetches list it', () => {
    const connections = new StationConnections();
    const revoked = openConnection('REVOKED', REVOKED);
    const good = openConnection('GOOD', Buffer.from('0c', 'hex'));
    connections.add(revoked as unknown as StationConnection);
    connections.add(good as unknown as StationConnection);
    const closer = new RevokedConnectionCloser(connections, emitter, pino({ level: 'silent' }));

    closer.loaded(revokingCrls);
    revoked.isClosing = false; // even if it still looked open at the next fetch
    closer.loaded(revokingCrls);

    expect(revoked.closes).toEqual([[1008, 'client certificate revoked']]);
    expect(good.closes).toEqual([]);
    expect(events).toEqual([['REVOKED', 'InvalidClientCertificate', expect.stringContaining('CERT_REVOKED serial a0b')]]);
  });

  it('checks a connection accepted after a fetch against the CRLs of that fetch', () => {
    const connections = new StationConnections();
    const closer = new RevokedConnectionCloser(connections, emitter, pino({ level: 'silent' }));
    closer.loaded(revokingCrls);
    const late = openConnection('LATE', REVOKED);
    connections.add(late as unknown as StationConnection);
    closer.accepted(late as unknown as StationConnection);
    expect(late.closes).toHaveLength(1);
    expect(events).toHaveLength(1);
  });

  it('skips a CRL it cannot read and still checks the others', () => {
    const connections = new StationConnections();
    const revoked = openConnection('REVOKED', REVOKED);
    connections.add(revoked as unknown as StationConnection);
    const closer = new RevokedConnectionCloser(connections, emitter, pino({ level: 'silent' }));
    closer.loaded([{ der: Buffer.from([0x30, 0x00]), thisUpdate: new Date(), nextUpdate: undefined }, ...revokingCrls]);
    expect(revoked.closes).toHaveLength(1);
  });
});
