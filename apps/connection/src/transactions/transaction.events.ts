import { timestampFromDate } from '@app/contracts';
import { type StationEventBody, transactionPhaseCodes } from '../station-events/event-body';
import type { TransactionReport, TransactionState } from './transaction-report';

/**
 * `transaction` for one message: its phase, time and trigger, with the transaction's state after
 * it (meter start and stop as far as known). seq_no is the station's for 2.0.1 and 0 for 1.6.
 */
export function transactionChangedEvent(transactionId: string, report: TransactionReport, state: TransactionState): StationEventBody {
  const idToken = report.idToken ?? (state.idToken === undefined ? undefined : { value: state.idToken, type: state.idTokenType ?? '' });
  return {
    case: 'transaction',
    value: {
      transactionId,
      phase: transactionPhaseCodes[report.eventType],
      evseId: state.evseId ?? report.evseId ?? 0,
      connectorId: state.connectorId ?? report.connectorId ?? 0,
      idToken,
      at: timestampFromDate(report.at),
      meterStartWh: state.meterStartWh ?? 0,
      meterStopWh: state.meterStopWh ?? 0,
      triggerReason: report.triggerReason,
      stoppedReason: report.eventType === 'Ended' ? (state.stoppedReason ?? '') : '',
      seqNo: report.messageType === 'TransactionEvent' ? report.seqNo : 0,
      offline: report.offline,
      remoteStartId: state.remoteStartId ?? 0,
    },
  };
}
