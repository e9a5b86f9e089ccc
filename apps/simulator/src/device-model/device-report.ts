import type { Ocpp201 } from '@app/ocpp';
import type { ModelVariable, SimulatedDeviceModel } from './simulated-device-model';

/** Report data per NotifyReport, as the station's DeviceDataCtrlr ItemsPerMessage.GetReport says. */
export const ITEMS_PER_REPORT_MESSAGE = 10;

const same = (a: string | undefined, b: string | undefined) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/** B07: Full = everything, Configuration = what can be set, Summary = availability and problems. */
export function baseReportVariables(model: SimulatedDeviceModel, reportBase: Ocpp201.ReportBaseEnumType): ModelVariable[] {
  switch (reportBase) {
    case 'FullInventory':
      return [...model.variables];
    case 'ConfigurationInventory':
      return model.variables.filter((variable) => variable.mutability !== 'ReadOnly');
    case 'SummaryInventory':
      return model.variables.filter((variable) => variable.variable.name === 'AvailabilityState' || variable.variable.name === 'Problem');
  }
}

function matchesComponent(variable: ModelVariable, wanted: Ocpp201.ComponentVariableType): boolean {
  const { component } = wanted;
  if (!same(variable.component.name, component.name)) return false;
  if (component.instance !== undefined && !same(variable.component.instance, component.instance)) return false;
  if (component.evse !== undefined && variable.component.evse?.id !== component.evse.id) return false;
  if (component.evse?.connectorId !== undefined && variable.component.evse?.connectorId !== component.evse.connectorId) return false;
  if (wanted.variable === undefined) return true;
  return same(variable.variable.name, wanted.variable.name) && (wanted.variable.instance === undefined || same(variable.variable.instance, wanted.variable.instance));
}

/** A component meets a criterion when it has the variable of that name set to true (Problem: when it is). */
function meetsCriteria(model: SimulatedDeviceModel, variable: ModelVariable, criteria: readonly Ocpp201.ComponentCriterionEnumType[]): boolean {
  return criteria.some((criterion) =>
    model.variables.some(
      (other) =>
        same(other.component.name, variable.component.name) &&
        other.component.evse?.id === variable.component.evse?.id &&
        other.component.evse?.connectorId === variable.component.evse?.connectorId &&
        other.variable.name === criterion &&
        model.actual(other) === 'true',
    ),
  );
}

/** B08: the variables of the components (and variables) asked for, narrowed by the criteria when given. */
export function reportVariables(model: SimulatedDeviceModel, request: Ocpp201.GetReportRequest): ModelVariable[] {
  return model.variables.filter(
    (variable) =>
      (request.componentVariable === undefined || request.componentVariable.some((wanted) => matchesComponent(variable, wanted))) &&
      (request.componentCriteria === undefined || meetsCriteria(model, variable, request.componentCriteria)),
  );
}

function reportDataOf(model: SimulatedDeviceModel, variable: ModelVariable): Ocpp201.ReportDataType {
  const value = model.actual(variable);
  const actual: Ocpp201.VariableAttributeType = { type: 'Actual', mutability: variable.mutability, persistent: true, constant: variable.mutability === 'ReadOnly', ...(value === undefined ? {} : { value }) };
  const attributes: Ocpp201.ReportDataType['variableAttribute'] =
    variable.maxSet === undefined ? [actual] : [actual, { type: 'MaxSet', value: variable.maxSet, mutability: 'ReadOnly', persistent: true, constant: true }];
  return { component: variable.component, variable: variable.variable, variableAttribute: attributes, variableCharacteristics: variable.characteristics };
}

/** The NotifyReport messages of a report: ITEMS_PER_REPORT_MESSAGE variables each, seqNo from 0, tbc on all but the last. */
export function notifyReportParts(model: SimulatedDeviceModel, requestId: number, variables: readonly ModelVariable[], generatedAt: string): Ocpp201.NotifyReportRequest[] {
  const parts: Ocpp201.NotifyReportRequest[] = [];
  for (let start = 0; start < variables.length; start += ITEMS_PER_REPORT_MESSAGE) {
    const [first, ...rest] = variables.slice(start, start + ITEMS_PER_REPORT_MESSAGE).map((variable) => reportDataOf(model, variable));
    if (first === undefined) break;
    parts.push({ requestId, generatedAt, seqNo: parts.length, tbc: start + ITEMS_PER_REPORT_MESSAGE < variables.length, reportData: [first, ...rest] });
  }
  return parts;
}
