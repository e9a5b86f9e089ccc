import type { Ocpp16, Ocpp201 } from '@app/ocpp';
import type { MeterReading, SampledReading } from './meter-sample';

type MeterValue16 = Ocpp16.MeterValuesRequest['meterValue'][number];

/** A MeterValues message, version-neutral. */
export interface MeterValuesReport {
  /** 1.6 connectorId (0: the station's main meter), 2.0.1 evseId. */
  evseId: number;
  /** 1.6 only: the transaction the values belong to. */
  transactionId: string | undefined;
  meterValues: MeterReading[];
}

export function meterReadingsOf16(meterValues: readonly MeterValue16[]): MeterReading[] {
  return meterValues.map((meterValue) => ({
    at: new Date(meterValue.timestamp),
    readings: meterValue.sampledValue.map((sampled): SampledReading => ({
      value: sampled.value,
      measurand: sampled.measurand,
      phase: sampled.phase,
      location: sampled.location,
      context: sampled.context,
      unit: sampled.unit,
      multiplier: undefined,
    })),
  }));
}

export function meterReadingsOf201(meterValues: readonly Ocpp201.MeterValueType[]): MeterReading[] {
  return meterValues.map((meterValue) => ({
    at: new Date(meterValue.timestamp),
    readings: meterValue.sampledValue.map((sampled): SampledReading => ({
      value: sampled.value,
      measurand: sampled.measurand,
      phase: sampled.phase,
      location: sampled.location,
      context: sampled.context,
      unit: sampled.unitOfMeasure?.unit,
      multiplier: sampled.unitOfMeasure?.multiplier,
    })),
  }));
}

export function meterValuesOf16(request: Ocpp16.MeterValuesRequest): MeterValuesReport {
  return {
    evseId: request.connectorId,
    transactionId: request.transactionId === undefined ? undefined : String(request.transactionId),
    meterValues: meterReadingsOf16(request.meterValue),
  };
}

export function meterValuesOf201(request: Ocpp201.MeterValuesRequest): MeterValuesReport {
  return { evseId: request.evseId, transactionId: undefined, meterValues: meterReadingsOf201(request.meterValue) };
}
