import { Injectable, type OnModuleInit } from '@nestjs/common';
import { idTagInfoOf, idTokenInfoOf } from '../authorization/authorize.adapter';
import type { AuthorizationDecision } from '../authorization/id-token';
import { CallHandlerRegistry } from '../gateway/call-handler.registry';
import { startAnswerOf16, startReportOf16, stopAnswerOf16, stopReportOf16 } from './ocpp16-transaction.adapter';
import { transactionEventAnswerOf201, transactionReportOf201 } from './ocpp201-transaction.adapter';
import { TransactionMessageHandler } from './transaction-message.handler';

/** StartTransaction always carries an idTag, so its decision is always there; this only satisfies the types. */
const NOT_DECIDED: AuthorizationDecision = { status: 'Invalid', expiresAt: undefined, groupIdToken: undefined };

/** 1.6 Start/StopTransaction and 2.0.1 TransactionEvent, mapped to one model and handled once. */
@Injectable()
export class TransactionHandlers implements OnModuleInit {
  constructor(
    private readonly registry: CallHandlerRegistry,
    private readonly messages: TransactionMessageHandler,
  ) {}

  onModuleInit(): void {
    this.registry.registerVersioned({
      '1.6': {
        StartTransaction: async (context, request) => {
          const outcome = await this.messages.handle(context, startReportOf16(request));
          return startAnswerOf16(outcome.transactionId, idTagInfoOf(outcome.authorization ?? NOT_DECIDED));
        },
        StopTransaction: async (context, request) => {
          const outcome = await this.messages.handle(context, stopReportOf16(request));
          return stopAnswerOf16(outcome.authorization && idTagInfoOf(outcome.authorization));
        },
      },
      '2.0.1': {
        TransactionEvent: async (context, request) => {
          const outcome = await this.messages.handle(context, transactionReportOf201(request));
          return transactionEventAnswerOf201(outcome.authorization && idTokenInfoOf(outcome.authorization));
        },
      },
    });
  }
}
