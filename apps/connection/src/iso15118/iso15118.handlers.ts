import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CallHandlerRegistry } from '../gateway/call-handler.registry';
import { fetchCertificateStatus } from './certificate-status.client';
import { fetchEvCertificate } from './contract-certificate.client';

/**
 * ISO 15118 Plug & Charge messages of 2.0.1 stations that the gateway answers from outside
 * systems: GetCertificateStatus from the OCSP responder the station names (contract certificate
 * chains are the eMobility PKI's, not ours), Get15118EVCertificate from the contract-certificate
 * provider. Both are bounded by OCPP_OCSP_TIMEOUT_SECONDS and answer Failed with a reason rather
 * than a CALLERROR when the outside system fails.
 */
@Injectable()
export class Iso15118Handlers implements OnModuleInit {
  private readonly timeoutMs: number;
  private readonly providerUrl: string | undefined;
  private readonly responderHosts: string[] | undefined;

  constructor(
    private readonly registry: CallHandlerRegistry,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
  ) {
    this.timeoutMs = config.stationCore.ocspTimeoutMs;
    this.providerUrl = config.stationCore.contractCertificateUrl;
    this.responderHosts = config.stationCore.ocspResponderHosts;
  }

  onModuleInit(): void {
    this.registry.registerVersioned({
      '2.0.1': {
        GetCertificateStatus: async (context, request) => {
          const answer = await fetchCertificateStatus(request.ocspRequestData, this.timeoutMs, this.responderHosts);
          if (answer.status === 'Failed') context.logger.warn({ statusInfo: answer.statusInfo, responderURL: request.ocspRequestData.responderURL }, 'GetCertificateStatus failed');
          return answer;
        },
        Get15118EVCertificate: async (context, request) => {
          const answer = await fetchEvCertificate(this.providerUrl, context.stationId, request, this.timeoutMs);
          if (answer.status === 'Failed') context.logger.warn({ statusInfo: answer.statusInfo, action: request.action }, 'Get15118EVCertificate failed');
          return answer;
        },
      },
    });
  }
}
