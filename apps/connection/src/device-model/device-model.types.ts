// The device model in one shape for both versions: what NotifyReport, GetVariables/SetVariables,
// NotifyEvent and 1.6 GetConfiguration/ChangeConfiguration tell about a station.

export const attributeTypes = ['Actual', 'Target', 'MinSet', 'MaxSet'] as const;
export type AttributeType = (typeof attributeTypes)[number];

export const mutabilities = ['ReadOnly', 'WriteOnly', 'ReadWrite'] as const;
export type Mutability = (typeof mutabilities)[number];

export interface ComponentRef {
  name: string;
  instance?: string;
  evseId?: number;
  connectorId?: number;
}

export interface VariableRef {
  name: string;
  instance?: string;
}

export interface VariableAddress {
  component: ComponentRef;
  variable: VariableRef;
}

export interface AttributeState {
  type: AttributeType;
  value?: string;
  mutability?: Mutability;
  persistent?: boolean;
  constant?: boolean;
}

export interface Characteristics {
  unit?: string;
  dataType: string;
  minLimit?: number;
  maxLimit?: number;
  valuesList?: string;
  supportsMonitoring: boolean;
}

/** One variable as a report describes it: every attribute it has, and its characteristics when given. */
export interface ReportedVariable extends VariableAddress {
  attributes: AttributeState[];
  characteristics?: Characteristics;
}

/** Where a row of the store came from, for the operator. */
export type ObservationSource = 'report' | 'get' | 'set' | 'event' | 'configuration';

/** A value learned for one attribute (GetVariables, SetVariables accepted, NotifyEvent, 1.6 keys). */
export interface ObservedValue extends VariableAddress {
  type: AttributeType;
  value: string;
  /** The station stored it but applies it after a reboot (SetVariables / ChangeConfiguration RebootRequired). */
  rebootRequired?: boolean;
  /** The station's status of the set that produced this value. */
  setStatus?: string;
  /** Known from the answer (1.6 readonly), otherwise left as stored. */
  mutability?: Mutability;
}

/** A set the station did not take: the stored value stays, the status is kept for the operator. */
export interface RefusedSet extends VariableAddress {
  type: AttributeType;
  setStatus: string;
}
