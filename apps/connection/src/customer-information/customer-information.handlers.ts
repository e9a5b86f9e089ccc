import { assertStorableIntegers } from '@app/ocpp';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CallHandlerRegistry } from '../gateway/call-handler.registry';
import { DurableAcknowledgement } from '../station-events/durable-acknowledgement';
import { CustomerInformationRepository } from './customer-information.repository';

/**
 * NotifyCustomerInformation (2.0.1 N09/N10): one part of the report a CustomerInformation asked
 * for, stored before it is answered. The data is personal: it is never logged.
 */
@Injectable()
export class CustomerInformationHandlers implements OnModuleInit {
  constructor(
    private readonly registry: CallHandlerRegistry,
    private readonly repository: CustomerInformationRepository,
    private readonly durability: DurableAcknowledgement,
  ) {}

  onModuleInit(): void {
    this.registry.registerVersioned({
      '2.0.1': {
        NotifyCustomerInformation: async (context, request) => {
          const { requestId, seqNo } = request;
          assertStorableIntegers({ requestId, seqNo });
          const part = { seqNo, data: request.data, tbc: request.tbc === true, generatedAt: new Date(request.generatedAt) };
          await this.durability.store(context.logger, 'NotifyCustomerInformation', () => this.repository.addPart(context.stationId, requestId, part));
          context.logger.info({ requestId, seqNo, tbc: request.tbc === true }, 'customer information part received');
          return {};
        },
      },
    });
  }
}
