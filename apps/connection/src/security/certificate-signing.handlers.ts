import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type CallContext, CallHandlerRegistry } from '../gateway/call-handler.registry';
import { StationEventEmitter } from '../station-events/station-event.emitter';
import { StationRepository } from '../stations/station.repository';
import { csrShapeOf } from './csr-shape';

/** Security event type the gateway raises for a CSR it refuses on sight. */
export const INVALID_CSR_EVENT = 'InvalidCsr';

type SigningStatus = { status: 'Accepted' | 'Rejected' };

/**
 * SignCertificate (2.0.1 and the 1.6 security extension): a CSR that is a PEM PKCS#10 within
 * OCPP's size is answered Accepted once `certificate_signing_requested` is durable on ocpp.events
 * (the PKI decides and answers with CertificateSigned); anything else is Rejected at once and
 * raises a security event. The event carries the station's registered serial number, which the
 * PKI checks the CSR's CN against.
 */
@Injectable()
export class CertificateSigningHandlers implements OnModuleInit {
  constructor(
    private readonly registry: CallHandlerRegistry,
    private readonly events: StationEventEmitter,
    private readonly stations: StationRepository,
  ) {}

  onModuleInit(): void {
    this.registry.registerVersioned({
      '1.6': { SignCertificate: async (context, request) => this.request(context, request.csr, 'ChargingStationCertificate') },
      '2.0.1': { SignCertificate: async (context, request) => this.request(context, request.csr, request.certificateType ?? 'ChargingStationCertificate') },
    });
  }

  private async request(context: CallContext, csr: string, certificateType: string): Promise<SigningStatus> {
    const shape = csrShapeOf(csr);
    if (!shape.ok) {
      context.logger.warn({ reason: shape.reason }, 'SignCertificate refused: the CSR is not a PEM PKCS#10');
      this.events.securityEvent(context.stationId, INVALID_CSR_EVENT, `SignCertificate refused: ${shape.reason}`).catch((error: unknown) => {
        context.logger.error({ err: error }, 'could not publish the security event of a refused CSR');
      });
      return { status: 'Rejected' };
    }
    const station = await this.stations.findSecurity(context.stationId);
    await this.events.publish(context.stationId, {
      case: 'certificateSigningRequested',
      value: { csrPem: csr, certificateType, stationSerialNumber: station?.serialNumber ?? '' },
    });
    context.logger.info({ certificateType }, 'CSR handed to the PKI');
    return { status: 'Accepted' };
  }
}
