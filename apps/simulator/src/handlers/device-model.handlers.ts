import type { Ocpp201 } from '@app/ocpp';
import { type ModelVariable, deviceModelOf } from '../device-model/simulated-device-model';
import { baseReportVariables, notifyReportParts, reportVariables } from '../device-model/device-report';
import type { HandlerTable } from './handler-table';
import type { StationControl } from './station-control';

/** Answers Accepted and sends the report in NotifyReport parts once the answer is out; EmptyResultSet when nothing matches. */
function report(station: StationControl, requestId: number, variables: readonly ModelVariable[]): { status: Ocpp201.GenericDeviceModelStatusEnumType } {
  if (variables.length === 0) return { status: 'EmptyResultSet' };
  const model = deviceModelOf(station.settings, station.evseCount);
  const parts = notifyReportParts(model, requestId, variables, new Date(station.now()).toISOString());
  station.afterAnswer(async () => {
    for (const part of parts) await station.send('NotifyReport', part);
  });
  return { status: 'Accepted' };
}

/** 2.0.1 reports of the station's device model (B07 GetBaseReport, B08 GetReport). */
export const deviceModel201: HandlerTable<'2.0.1'> = {
  GetBaseReport: (request, station) => report(station, request.requestId, baseReportVariables(deviceModelOf(station.settings, station.evseCount), request.reportBase)),
  GetReport: (request, station) => report(station, request.requestId, reportVariables(deviceModelOf(station.settings, station.evseCount), request)),
};
