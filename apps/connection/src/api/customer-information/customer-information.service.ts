import type { ApiPrincipal } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import { Ocpp201CallSender } from '../commands/ocpp201-call.sender';
import type { TrackedRequestAnswer } from '../commands/ocpp201-fields';
import { type ApiResult, OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';
import { type CustomerReference, CustomerInformationRepository, assembleCustomerInformation } from '../station-features.port';
import { StationReadRepository } from '../stations/station-read.repository';
import type { RequestCustomerInformationBody } from './customer-information.schemas';

/** CustomerInformation (2.0.1) as a tracked request, and the document its NotifyCustomerInformation parts make. */
@Injectable()
export class CustomerInformationService {
  constructor(
    private readonly sender: Ocpp201CallSender,
    private readonly requests: CustomerInformationRepository,
    private readonly stations: StationReadRepository,
  ) {}

  async request(stationId: string, body: RequestCustomerInformationBody, actor: ApiPrincipal | undefined): Promise<ApiResult<TrackedRequestAnswer>> {
    const refusal = this.sender.refusal<TrackedRequestAnswer>(stationId, 'customer information requests');
    if (refusal) return refusal;
    if (!(await this.stations.exists(stationId))) return failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} is not registered`);
    const { report, clear, timeoutSeconds, ...customer } = body;
    const requestId = await this.requests.create(stationId, { report, clear, customer: customer as CustomerReference });
    const sent = await this.sender.send(stationId, 'CustomerInformation', { requestId, report, clear, ...customer }, actor, timeoutSeconds);
    if (!sent.ok) {
      await this.requests.fail(stationId, requestId);
      return sent;
    }
    const { commandId, status, result } = sent.value;
    return succeeded({ requestId, commandId, status, stationStatus: typeof result.status === 'string' ? result.status : null });
  }

  async find(stationId: string, requestId: number) {
    const request = await this.requests.find(stationId, requestId);
    if (request === undefined) return failed(OperatorApiErrorCode.requestNotFound, `station ${stationId} has no customer-information request ${requestId}`);
    const document = assembleCustomerInformation(await this.requests.parts(stationId, requestId));
    return succeeded({
      requestId: request.requestId,
      report: request.report,
      clear: request.clear,
      customer: request.customer,
      status: request.status,
      stationStatus: request.stationStatus,
      requestedAt: request.requestedAt.toISOString(),
      answeredAt: request.answeredAt?.toISOString() ?? null,
      document: { ...document, generatedAt: document.generatedAt?.toISOString() ?? null },
    });
  }
}
