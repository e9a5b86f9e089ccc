import { z } from 'zod';
import { command } from './command-spec';

// 2.0.1-only questions and notices about transactions. Neither has a neutral command of its own:
// each becomes the raw call of its action, which a 1.6 station's schemas refuse (422, with why).

const transactionId = z.string().min(1).max(36).meta({ description: 'The station’s transactionId (2.0.1).' });

export const transactionStatusCommands = {
  'get-transaction-status': command({
    summary: 'Get a transaction’s status',
    description:
      '2.0.1 GetTransactionStatus: whether the transaction is still ongoing and whether the station still queues messages for it (`result.ongoingIndicator`, `result.messagesInQueue`); without a transactionId, whether it queues any transaction messages at all. 1.6 has no such call.',
    fields: { transactionId: transactionId.optional() },
    toBody: (input) => ({ case: 'rawCall', value: { action: 'GetTransactionStatus', payloadJson: JSON.stringify(input.transactionId === undefined ? {} : { transactionId: input.transactionId }) } }),
  }),
  'cost-updated': command({
    summary: 'Tell the station a transaction’s running cost',
    description: '2.0.1 CostUpdated: the total cost so far, shown to the driver, in the currency the station is configured for. 1.6 has no such call.',
    fields: { transactionId, totalCost: z.number().min(0).max(1e9) },
    toBody: (input) => ({ case: 'rawCall', value: { action: 'CostUpdated', payloadJson: JSON.stringify({ totalCost: input.totalCost, transactionId: input.transactionId }) } }),
  }),
};
