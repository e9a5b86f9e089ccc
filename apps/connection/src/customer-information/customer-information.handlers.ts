import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CallHandlerRegistry } from '../gateway/call-handler.registry';
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
  ) {}

  onModuleInit(): void {
    this.registry.registerVersioned({
      '2.0.1': {
        NotifyCustomerInformation: async (context, request) => {
          const { requestId, seqNo } = request;
          await this.repository.addPart(context.stationId, requestId, { seqNo, data: request.data, tbc: request.tbc === true, generatedAt: new Date(request.generatedAt) });
          context.logger.info({ requestId, seqNo, tbc: request.tbc === true }, 'customer information part received');
          return {};
        },
      },
    });
  }
}
