/** The 2.0.1 connector statuses, which every 1.6 status folds into. */
export type ConnectorStatus = 'Available' | 'Occupied' | 'Reserved' | 'Unavailable' | 'Faulted';

/** A StatusNotification, version-neutral. 1.6 connector N is EVSE N with connector 1; connector 0 is the station (EVSE 0, connector 0). */
export interface ConnectorStatusReport {
  evseId: number;
  connectorId: number;
  status: ConnectorStatus;
  /** The status as the station sent it (1.6: Preparing, Charging, SuspendedEV, ...). */
  ocppStatus: string;
  /** 1.6 errorCode (NoError when healthy); undefined for 2.0.1. */
  errorCode: string | undefined;
  info: string | undefined;
  vendorErrorCode: string | undefined;
  statusAt: Date;
}
