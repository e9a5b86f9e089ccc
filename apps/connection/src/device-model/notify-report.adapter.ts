import type { Ocpp201 } from '@app/ocpp';
import type { AttributeState, Characteristics, ComponentRef, ReportedVariable, VariableRef } from './device-model.types';

/** One NotifyReport message: a part of the report for `requestId`, in one shape for storing. */
export interface ReportPart {
  requestId: number;
  seqNo: number;
  /** To be continued: more parts follow. */
  tbc: boolean;
  generatedAt: Date;
  variables: ReportedVariable[];
}

export function componentRefOf(component: Ocpp201.ComponentType): ComponentRef {
  return {
    name: component.name,
    ...(component.instance === undefined ? {} : { instance: component.instance }),
    ...(component.evse === undefined ? {} : { evseId: component.evse.id }),
    ...(component.evse?.connectorId === undefined ? {} : { connectorId: component.evse.connectorId }),
  };
}

export function variableRefOf(variable: Ocpp201.VariableType): VariableRef {
  return { name: variable.name, ...(variable.instance === undefined ? {} : { instance: variable.instance }) };
}

/** OCPP 2.0.1 defaults: an attribute without a type is Actual, without a mutability ReadWrite (B07 / 2.47). */
function attributeOf(attribute: Ocpp201.VariableAttributeType): AttributeState {
  return {
    type: attribute.type ?? 'Actual',
    ...(attribute.value === undefined ? {} : { value: attribute.value }),
    mutability: attribute.mutability ?? 'ReadWrite',
    persistent: attribute.persistent ?? false,
    constant: attribute.constant ?? false,
  };
}

function characteristicsOf(characteristics: Ocpp201.VariableCharacteristicsType): Characteristics {
  return {
    dataType: characteristics.dataType,
    supportsMonitoring: characteristics.supportsMonitoring,
    ...(characteristics.unit === undefined ? {} : { unit: characteristics.unit }),
    ...(characteristics.minLimit === undefined ? {} : { minLimit: characteristics.minLimit }),
    ...(characteristics.maxLimit === undefined ? {} : { maxLimit: characteristics.maxLimit }),
    ...(characteristics.valuesList === undefined ? {} : { valuesList: characteristics.valuesList }),
  };
}

export function reportPartOf(request: Ocpp201.NotifyReportRequest): ReportPart {
  return {
    requestId: request.requestId,
    seqNo: request.seqNo,
    tbc: request.tbc ?? false,
    generatedAt: new Date(request.generatedAt),
    variables: (request.reportData ?? []).map((data) => ({
      component: componentRefOf(data.component),
      variable: variableRefOf(data.variable),
      attributes: data.variableAttribute.map(attributeOf),
      ...(data.variableCharacteristics === undefined ? {} : { characteristics: characteristicsOf(data.variableCharacteristics) }),
    })),
  };
}
