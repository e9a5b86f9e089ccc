// Version mapping of station commands: pure functions, no Nest, no I/O.
export { type CallMapping, type OcppCall, type Refusal } from './call-mapping';
export { type CommandResponse } from './command-response';
export { fromOcppResponse } from './from-ocpp-response';
export { type NeutralStatus, normaliseStatus } from './station-status';
export { toOcppCall } from './to-ocpp-call';
export { parseVariableName, variableNameOf } from './variable-name';
