import type { Side } from '../ocpp-version';

/** Who may send the CALL of an action: one side, or both (DataTransfer). */
export type Initiator = Side | 'both';
