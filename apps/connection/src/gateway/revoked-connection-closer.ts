import type { Logger } from 'pino';
import type { StationEventEmitter } from '../station-events/station-event.emitter';
import type { CrlDocument } from './crl-document';
import { type CrlEntries, readCrlEntries } from './crl-entries';
import { revokedConnections } from './revoked-connections';
import { CloseCode, type StationConnection } from './station-connection';
import type { StationConnections } from './station-connections';

/**
 * Closes open profile-3 connections whose client certificate the freshly fetched CRLs revoke: the
 * TLS layer checks CRLs only at a handshake, so without this a revoked station stays connected until
 * it reconnects (when it is refused). Each revoked connection is closed with 1008 (policy violation)
 * and reported once as an InvalidClientCertificate security event.
 */
export class RevokedConnectionCloser {
  private crls: CrlEntries[] = [];
  private readonly closed = new WeakSet<StationConnection>();

  constructor(
    private readonly connections: StationConnections,
    private readonly events: StationEventEmitter,
    private readonly logger: Logger,
  ) {}

  /** After each fetch: checks every open connection against the CRLs just fetched. */
  loaded(documents: readonly CrlDocument[]): void {
    const crls: CrlEntries[] = [];
    for (const document of documents) {
      try {
        crls.push(readCrlEntries(document.der));
      } catch (error) {
        this.logger.error({ err: error }, 'could not read the entries of a fetched CRL; open connections are not checked against it');
      }
    }
    this.crls = crls;
    const open: StationConnection[] = [];
    this.connections.forEach((connection) => open.push(connection));
    this.closeRevoked(open);
  }

  /**
   * A connection accepted just now: its handshake may have used the CRLs loaded before the last fetch
   * (authentication is asynchronous), so it is checked against the latest ones too.
   */
  accepted(connection: StationConnection): void {
    this.closeRevoked([connection]);
  }

  private closeRevoked(connections: StationConnection[]): void {
    for (const { connection, crl } of revokedConnections(connections, this.crls)) {
      if (this.closed.has(connection) || connection.isClosing) continue;
      this.closed.add(connection);
      const serial = connection.clientCertificate?.serial ?? '';
      const techInfo = `certificate revoked (listed on its CA's CRL) while connected: CERT_REVOKED serial ${serial}; connection closed`;
      this.logger.warn({ stationId: connection.stationId, serial, crlRevocations: crl.revokedSerials.size }, 'closing the connection of a revoked client certificate');
      connection.close(CloseCode.policyViolation, 'client certificate revoked');
      void this.events.securityEvent(connection.stationId, 'InvalidClientCertificate', techInfo).catch((error: unknown) => {
        this.logger.error({ err: error, stationId: connection.stationId }, 'could not publish the security event of a revoked connection');
      });
    }
  }
}
