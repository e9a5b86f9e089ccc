import { ENERGY_REGISTER, type MeterSample } from '../metering/meter-sample';
import { energyRegister } from '../metering/sample-normaliser';
import type { TransactionEventRecord, TransactionReport } from './transaction-report';

/**
 * What is stored of one transaction message: its own fields, the authorization answered, and
 * the energy it reports, read from the register it states (1.6 meterStart/meterStop) or else
 * from its meter values.
 */
export function eventRecordOf(report: TransactionReport, samples: readonly MeterSample[], idTokenStatus: string | undefined): TransactionEventRecord {
  const begin = samples.find(
    (sample) => sample.measurand === ENERGY_REGISTER && sample.phase === '' && sample.unit === 'Wh' && sample.context === 'Transaction.Begin',
  );
  const fromSamples = energyRegister(samples, report.eventType === 'Started' ? 'first' : 'last');
  return {
    seqNo: report.seqNo,
    eventType: report.eventType,
    at: report.at,
    triggerReason: report.triggerReason,
    offline: report.offline,
    evseId: report.evseId,
    connectorId: report.connectorId,
    idToken: report.idToken?.value,
    idTokenType: report.idToken?.type,
    idTokenStatus,
    chargingState: report.chargingState,
    stoppedReason: report.stoppedReason,
    remoteStartId: report.remoteStartId,
    energyWh: report.meterWh ?? fromSamples,
    beginEnergyWh: report.eventType === 'Started' && report.meterWh !== undefined ? report.meterWh : begin?.value,
  };
}
