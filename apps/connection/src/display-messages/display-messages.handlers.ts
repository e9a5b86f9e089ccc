import { OcppErrorKind, OcppRpcError, assertStorableIntegers } from '@app/ocpp';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CallHandlerRegistry } from '../gateway/call-handler.registry';
import { DurableAcknowledgement } from '../station-events/durable-acknowledgement';
import { displayMessageOf } from './display-message';
import { DisplayMessageLedger } from './display-message.ledger';

/**
 * NotifyDisplayMessages (2.0.1 O04): a part of the report a GetDisplayMessages asked for, stored
 * before it is answered, so that an answered part is never lost; 1.6 has no display messages.
 */
@Injectable()
export class DisplayMessagesHandlers implements OnModuleInit {
  constructor(
    private readonly registry: CallHandlerRegistry,
    private readonly ledger: DisplayMessageLedger,
    private readonly durability: DurableAcknowledgement,
  ) {}

  onModuleInit(): void {
    this.registry.registerVersioned({
      '2.0.1': {
        NotifyDisplayMessages: async (context, request) => {
          assertStorableIntegers({ requestId: request.requestId });
          (request.messageInfo ?? []).forEach((info, index) => assertStorableIntegers({ [`messageInfo[${index}].id`]: info.id }));
          // One row per message id: a part naming an id twice fails its upsert on every retry, so it is refused, not withheld.
          const ids = (request.messageInfo ?? []).map((info) => info.id);
          const twice = ids.find((id, index) => ids.indexOf(id) !== index);
          if (twice !== undefined) throw new OcppRpcError(OcppErrorKind.PropertyConstraintViolation, `messageInfo lists message id ${twice} more than once`);
          const messages = (request.messageInfo ?? []).map(displayMessageOf);
          const last = request.tbc !== true;
          await this.durability.store(context.logger, 'NotifyDisplayMessages', () => this.ledger.partReported(context.stationId, request.requestId, messages, last));
          context.logger.info({ requestId: request.requestId, messages: messages.length, tbc: !last }, 'display messages reported');
          return {};
        },
      },
    });
  }
}
