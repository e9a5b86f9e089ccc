import type { Ocpp201 } from '@app/ocpp';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { StationCommand } from '@app/contracts';
import type { Execution } from '../routing/command-execution';
import { CommandResultObservers } from '../routing/command-result.observers';
import { type CustomerReference, CustomerInformationRepository } from './customer-information.repository';

/** The station's answer to a CustomerInformation (from the operator API or a raw call), onto its request. */
@Injectable()
export class CustomerInformationObserver implements OnModuleInit {
  constructor(
    private readonly observers: CommandResultObservers,
    private readonly repository: CustomerInformationRepository,
  ) {}

  onModuleInit(): void {
    this.observers.register('customer-information', (command, execution) => this.observe(command, execution));
  }

  async observe(command: StationCommand, execution: Execution): Promise<void> {
    const { call, outcome } = execution;
    if (call?.action !== 'CustomerInformation' || (outcome.status !== 'accepted' && outcome.status !== 'rejected')) return;
    const request = call.payload as Ocpp201.CustomerInformationRequest;
    const stationStatus = typeof outcome.result?.status === 'string' ? outcome.result.status : null;
    await this.repository.answer(
      command.stationId,
      request.requestId,
      { report: request.report, clear: request.clear, customer: customerOf(request) },
      stationStatus === 'Accepted' ? 'accepted' : 'rejected',
      stationStatus,
    );
  }
}

export function customerOf(request: Ocpp201.CustomerInformationRequest): CustomerReference {
  const reference: CustomerReference = {};
  if (request.customerIdentifier !== undefined) reference.customerIdentifier = request.customerIdentifier;
  if (request.idToken !== undefined) reference.idToken = { idToken: request.idToken.idToken, type: request.idToken.type };
  if (request.customerCertificate !== undefined) {
    const { hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber } = request.customerCertificate;
    reference.customerCertificate = { hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber };
  }
  return reference;
}
