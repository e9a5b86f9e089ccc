import { createCertificateRequest } from '@app/simulator';
import type { Json } from './operator-api-client';

/**
 * One CALL a station may send, as the station-actions e2e sends it: a valid request in the
 * station's version, what the CSMS's answer must say, and where its effect shows through REST —
 * checked here (`effect`) or, when another service owns the effect, by the e2e spec that drives it
 * through that service (`coveredBy`).
 */
export interface StationActionCase {
  version: '1.6' | '2.0.1';
  action: string;
  /** The request; may read what earlier cases learnt (e.g. the transaction id). */
  payload: (state: CaseState) => Json;
  /** What the CALLRESULT payload must contain (a partial object; may hold jest matchers). */
  answer?: Json;
  /** Remembers what later cases need from the answer. */
  remember?: (answer: Json, state: CaseState) => void;
  effect?: (rest: RestProbe, state: CaseState) => Promise<void>;
  /** The e2e spec (in test/e2e) that shows the effect through `rest`; it must mention `mentions` (default: the action). */
  coveredBy?: { spec: string; rest: string; mentions?: string };
}

export interface CaseState {
  transactionId16?: number;
}

/** Reads the connection service's REST API as a viewer, waiting for what is written in the background. */
export interface RestProbe {
  get(route: string): Promise<Json>;
  /** The first item of the list at `route` that matches, once there is one. */
  item(route: string, matches: (item: Json) => boolean): Promise<Json>;
}

export const STATION_16 = 'ACT-16';
export const STATION_201 = 'ACT-201';
export const ACCEPTED_TOKEN = 'ACT-TOKEN';
export const VENDOR_ID = 'com.example.act';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const at = '2025-07-01T10:00:00.000Z';
const later = '2025-07-01T10:30:00.000Z';

const notification = (stationId: string, action: string, status: string) => async (rest: RestProbe) => {
  await rest.item(`/api/stations/${stationId}/history?kind=notification&limit=500`, (entry) => entry.action === action && entry.status === status);
};

export const stationActionCases: StationActionCase[] = [
  // OCPP 1.6 (core and security extension)
  {
    version: '1.6',
    action: 'BootNotification',
    payload: () => ({ chargePointVendor: 'Acme', chargePointModel: 'ACT-AC', chargePointSerialNumber: 'SN-ACT-16', firmwareVersion: '1.6.0' }),
    answer: { status: 'Accepted' },
    effect: async (rest) => {
      const station = await rest.get(`/api/stations/${STATION_16}`);
      if (station.model !== 'ACT-AC' || station.firmwareVersion !== '1.6.0') throw new Error(`station view: ${JSON.stringify(station)}`);
    },
  },
  {
    version: '1.6',
    action: 'Heartbeat',
    payload: () => ({}),
    answer: { currentTime: expect.stringMatching(ISO_INSTANT) },
    effect: async (rest) => {
      const station = await rest.get(`/api/stations/${STATION_16}`);
      if (typeof station.lastSeenAt !== 'string') throw new Error('no lastSeenAt after a Heartbeat');
    },
  },
  {
    version: '1.6',
    action: 'StatusNotification',
    payload: () => ({ connectorId: 1, errorCode: 'NoError', status: 'Preparing', timestamp: at }),
    answer: {},
    effect: async (rest) => {
      await rest.item(`/api/stations/${STATION_16}/connectors`, (connector) => connector.connectorId === 1 && connector.ocppStatus === 'Preparing');
    },
  },
  {
    version: '1.6',
    action: 'Authorize',
    payload: () => ({ idTag: ACCEPTED_TOKEN }),
    // The id-token store, written through REST (PUT /api/id-tokens), decides.
    answer: { idTagInfo: { status: 'Accepted' } },
  },
  {
    version: '1.6',
    action: 'StartTransaction',
    payload: () => ({ connectorId: 1, idTag: ACCEPTED_TOKEN, meterStart: 1000, timestamp: at }),
    answer: { idTagInfo: { status: 'Accepted' } },
    remember: (answer, state) => {
      state.transactionId16 = Number(answer.transactionId);
    },
    effect: async (rest, state) => {
      await rest.item(`/api/transactions?stationId=${STATION_16}`, (transaction) => transaction.transactionId === String(state.transactionId16) && transaction.state === 'active');
    },
  },
  {
    version: '1.6',
    action: 'MeterValues',
    payload: (state) => ({
      connectorId: 1,
      transactionId: state.transactionId16,
      meterValue: [{ timestamp: '2025-07-01T10:15:00.000Z', sampledValue: [{ value: '1500', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] }],
    }),
    answer: {},
    effect: async (rest, state) => {
      await rest.item(`/api/stations/${STATION_16}/meter-values?evseId=1`, (sample) => sample.value === 1500 && sample.transactionId === String(state.transactionId16));
    },
  },
  {
    version: '1.6',
    action: 'StopTransaction',
    payload: (state) => ({ transactionId: state.transactionId16, idTag: ACCEPTED_TOKEN, meterStop: 2000, timestamp: later, reason: 'Local' }),
    effect: async (rest, state) => {
      await rest.item(`/api/transactions?stationId=${STATION_16}`, (transaction) => transaction.transactionId === String(state.transactionId16) && transaction.state === 'ended' && transaction.energyWh === 1000);
    },
  },
  { version: '1.6', action: 'DiagnosticsStatusNotification', payload: () => ({ status: 'Uploaded' }), answer: {}, effect: notification(STATION_16, 'DiagnosticsStatusNotification', 'Uploaded') },
  { version: '1.6', action: 'FirmwareStatusNotification', payload: () => ({ status: 'Installed' }), answer: {}, effect: notification(STATION_16, 'FirmwareStatusNotification', 'Installed') },
  { version: '1.6', action: 'LogStatusNotification', payload: () => ({ status: 'Uploading', requestId: 3 }), answer: {}, effect: notification(STATION_16, 'LogStatusNotification', 'Uploading') },
  {
    version: '1.6',
    action: 'SignedFirmwareStatusNotification',
    payload: () => ({ status: 'SignatureVerified', requestId: 4 }),
    answer: {},
    effect: notification(STATION_16, 'SignedFirmwareStatusNotification', 'SignatureVerified'),
  },
  {
    version: '1.6',
    action: 'DataTransfer',
    payload: () => ({ vendorId: VENDOR_ID, messageId: 'Hello', data: 'from 1.6' }),
    answer: { status: 'Accepted' },
    effect: notification(STATION_16, 'DataTransfer', 'Accepted'),
  },
  {
    version: '1.6',
    action: 'SecurityEventNotification',
    payload: () => ({ type: 'SettingSystemTime', timestamp: at }),
    answer: {},
    coveredBy: { spec: 'security-events.e2e-spec.ts', rest: 'pki GET /api/security-events' },
  },
  {
    version: '1.6',
    action: 'SignCertificate',
    payload: () => ({ csr: createCertificateRequest('SN-ACT-16', 'Acme').csrPem }),
    answer: { status: 'Accepted' },
    coveredBy: { spec: 'pki-revocation-gateway.e2e-spec.ts', rest: 'pki GET /api/pki/signing-requests and certificates' },
  },

  // OCPP 2.0.1
  {
    version: '2.0.1',
    action: 'BootNotification',
    payload: () => ({ reason: 'PowerUp', chargingStation: { vendorName: 'Acme', model: 'ACT-DC', serialNumber: 'SN-ACT-201', firmwareVersion: '2.0.1' } }),
    answer: { status: 'Accepted' },
    effect: async (rest) => {
      const station = await rest.get(`/api/stations/${STATION_201}`);
      if (station.model !== 'ACT-DC' || station.firmwareVersion !== '2.0.1') throw new Error(`station view: ${JSON.stringify(station)}`);
    },
  },
  {
    version: '2.0.1',
    action: 'Heartbeat',
    payload: () => ({}),
    answer: { currentTime: expect.stringMatching(ISO_INSTANT) },
    effect: async (rest) => {
      if (typeof (await rest.get(`/api/stations/${STATION_201}`)).lastSeenAt !== 'string') throw new Error('no lastSeenAt after a Heartbeat');
    },
  },
  {
    version: '2.0.1',
    action: 'StatusNotification',
    payload: () => ({ timestamp: at, connectorStatus: 'Occupied', evseId: 1, connectorId: 1 }),
    answer: {},
    effect: async (rest) => {
      await rest.item(`/api/stations/${STATION_201}/connectors`, (connector) => connector.evseId === 1 && connector.status === 'Occupied');
    },
  },
  { version: '2.0.1', action: 'Authorize', payload: () => ({ idToken: { idToken: ACCEPTED_TOKEN, type: 'ISO14443' } }), answer: { idTokenInfo: { status: 'Accepted' } } },
  {
    version: '2.0.1',
    action: 'TransactionEvent',
    payload: () => ({
      eventType: 'Started',
      timestamp: at,
      triggerReason: 'Authorized',
      seqNo: 0,
      transactionInfo: { transactionId: 'ACT-TX-201', chargingState: 'Charging' },
      idToken: { idToken: ACCEPTED_TOKEN, type: 'ISO14443' },
      evse: { id: 1, connectorId: 1 },
      meterValue: [{ timestamp: at, sampledValue: [{ value: 500, measurand: 'Energy.Active.Import.Register', context: 'Transaction.Begin' }] }],
    }),
    answer: { idTokenInfo: { status: 'Accepted' } },
    effect: async (rest) => {
      await rest.item(`/api/transactions?stationId=${STATION_201}`, (transaction) => transaction.transactionId === 'ACT-TX-201' && transaction.state === 'active');
    },
  },
  {
    version: '2.0.1',
    action: 'MeterValues',
    payload: () => ({ evseId: 0, meterValue: [{ timestamp: at, sampledValue: [{ value: 12345.5, measurand: 'Energy.Active.Import.Register' }] }] }),
    answer: {},
    effect: async (rest) => {
      await rest.item(`/api/stations/${STATION_201}/meter-values?evseId=0`, (sample) => sample.value === 12345.5 && sample.transactionId === null);
    },
  },
  { version: '2.0.1', action: 'LogStatusNotification', payload: () => ({ status: 'Uploaded', requestId: 5 }), answer: {}, effect: notification(STATION_201, 'LogStatusNotification', 'Uploaded') },
  { version: '2.0.1', action: 'FirmwareStatusNotification', payload: () => ({ status: 'Installed', requestId: 6 }), answer: {}, effect: notification(STATION_201, 'FirmwareStatusNotification', 'Installed') },
  {
    version: '2.0.1',
    action: 'DataTransfer',
    payload: () => ({ vendorId: 'com.example.unknown', messageId: 'Hello', data: { any: 'json' } }),
    answer: { status: 'UnknownVendorId' },
    effect: notification(STATION_201, 'DataTransfer', 'UnknownVendorId'),
  },
  {
    version: '2.0.1',
    action: 'SecurityEventNotification',
    payload: () => ({ type: 'SettingSystemTime', timestamp: at }),
    answer: {},
    coveredBy: { spec: 'security-events.e2e-spec.ts', rest: 'pki GET /api/security-events' },
  },
  {
    version: '2.0.1',
    action: 'SignCertificate',
    payload: () => ({ csr: createCertificateRequest('SN-ACT-201', 'Acme').csrPem }),
    answer: { status: 'Accepted' },
    coveredBy: { spec: 'pki-signing.e2e-spec.ts', rest: 'pki GET /api/pki/signing-requests and certificates' },
  },
  {
    version: '2.0.1',
    action: 'Get15118EVCertificate',
    payload: () => ({ iso15118SchemaVersion: 'urn:iso:15118:2:2013:MsgDef', action: 'Install', exiRequest: 'AAECAwQ=' }),
    // No contract-certificate provider is configured here: Failed, with the reason in statusInfo.
    answer: { status: 'Failed' },
    coveredBy: { spec: 'pki-revocation-gateway.e2e-spec.ts', rest: 'the answer itself (nothing stored)' },
  },
  {
    version: '2.0.1',
    action: 'GetCertificateStatus',
    payload: () => ({
      ocspRequestData: { hashAlgorithm: 'SHA256', issuerNameHash: 'a'.repeat(64), issuerKeyHash: 'b'.repeat(64), serialNumber: '1A2B', responderURL: 'http://10.0.0.1/ocsp' },
    }),
    // An internal address no operator allowed (OCPP_OCSP_RESPONDER_HOSTS): never called, Failed.
    answer: { status: 'Failed' },
    coveredBy: { spec: 'pki-revocation-gateway.e2e-spec.ts', rest: 'the answer itself (nothing stored)' },
  },
  {
    version: '2.0.1',
    action: 'NotifyChargingLimit',
    payload: () => ({
      evseId: 1,
      chargingLimit: { chargingLimitSource: 'EMS', isGridCritical: false },
      chargingSchedule: [{ id: 1, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 10, numberPhases: 3 }] }],
    }),
    answer: {},
    coveredBy: { spec: 'smart-charging-dispatch.e2e-spec.ts', rest: 'smart-charging GET /api/limits (the station’s source)', mentions: 'notifyChargingLimit' },
  },
  {
    version: '2.0.1',
    action: 'ClearedChargingLimit',
    payload: () => ({ chargingLimitSource: 'EMS', evseId: 1 }),
    answer: {},
    coveredBy: { spec: 'smart-charging-dispatch.e2e-spec.ts', rest: 'smart-charging GET /api/limits', mentions: 'clearChargingLimit' },
  },
  {
    version: '2.0.1',
    action: 'NotifyEVChargingNeeds',
    payload: () => ({
      evseId: 1,
      chargingNeeds: { requestedEnergyTransfer: 'AC_three_phase', acChargingParameters: { energyAmount: 20000, evMinCurrent: 6, evMaxCurrent: 32, evMaxVoltage: 400 } },
    }),
    answer: { status: 'Accepted' },
    coveredBy: { spec: 'smart-charging-inputs.e2e-spec.ts', rest: 'smart-charging GET /api/topology/stations/{id}/charging' },
  },
  {
    version: '2.0.1',
    action: 'ReportChargingProfiles',
    payload: () => ({
      requestId: 1,
      chargingLimitSource: 'CSO',
      evseId: 1,
      tbc: false,
      chargingProfile: [
        {
          id: 77,
          stackLevel: 0,
          chargingProfilePurpose: 'TxDefaultProfile',
          chargingProfileKind: 'Absolute',
          chargingSchedule: [{ id: 1, startSchedule: at, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] }],
        },
      ],
    }),
    answer: {},
    effect: async (rest) => {
      await rest.item(`/api/stations/${STATION_201}/reported-charging-profiles?requestId=1`, (profile) => profile.profileId === 77 && profile.purpose === 'TxDefaultProfile');
    },
  },
  {
    version: '2.0.1',
    action: 'NotifyEvent',
    payload: () => ({
      generatedAt: at,
      seqNo: 0,
      eventData: [
        {
          eventId: 1,
          timestamp: at,
          trigger: 'Alerting',
          actualValue: '93',
          eventNotificationType: 'HardWiredNotification',
          component: { name: 'EVSE', evse: { id: 1 } },
          variable: { name: 'Temperature' },
        },
      ],
    }),
    answer: {},
    effect: async (rest) => {
      await rest.item(`/api/stations/${STATION_201}/alerts`, (alert) => alert.variable === 'Temperature' && alert.state === 'active');
    },
  },
  {
    version: '2.0.1',
    action: 'NotifyReport',
    // Unasked (no GetBaseReport before it): kept as a report of its own and folded into the device model.
    payload: () => ({
      requestId: 904,
      generatedAt: at,
      seqNo: 0,
      tbc: false,
      reportData: [
        {
          component: { name: 'OCPPCommCtrlr' },
          variable: { name: 'HeartbeatInterval' },
          variableAttribute: [{ type: 'Actual', value: '300', mutability: 'ReadWrite' }],
          variableCharacteristics: { dataType: 'integer', unit: 's', supportsMonitoring: false },
        },
      ],
    }),
    answer: {},
    effect: async (rest) => {
      await rest.item(`/api/stations/${STATION_201}/device-model?component=OCPPCommCtrlr`, (item) => item.key === 'OCPPCommCtrlr/HeartbeatInterval' && item.value === '300');
    },
  },
  {
    version: '2.0.1',
    action: 'NotifyMonitoringReport',
    payload: () => ({
      requestId: 900,
      seqNo: 0,
      generatedAt: at,
      tbc: false,
      monitor: [{ component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'Power' }, variableMonitoring: [{ id: 5, transaction: false, value: 22000, type: 'UpperThreshold', severity: 4 }] }],
    }),
    answer: {},
    effect: async (rest) => {
      await rest.item(`/api/stations/${STATION_201}/monitors`, (monitor) => monitor.monitorId === 5 && monitor.severity === 4);
    },
  },
  {
    version: '2.0.1',
    action: 'ReservationStatusUpdate',
    payload: () => ({ reservationId: 4242, reservationUpdateStatus: 'Expired' }),
    // A reservation this CSMS never made changes nothing, and is still acknowledged.
    answer: {},
    coveredBy: { spec: 'reservations.e2e-spec.ts', rest: 'GET /api/reservations/{id}' },
  },
  {
    version: '2.0.1',
    action: 'NotifyDisplayMessages',
    payload: () => ({ requestId: 901, tbc: false, messageInfo: [{ id: 3, priority: 'NormalCycle', message: { format: 'UTF8', content: 'Welcome' } }] }),
    answer: {},
    effect: async (rest) => {
      await rest.item(`/api/stations/${STATION_201}/display-messages`, (message) => message.id === 3);
    },
  },
  {
    version: '2.0.1',
    action: 'NotifyCustomerInformation',
    payload: () => ({ requestId: 902, seqNo: 0, generatedAt: at, tbc: false, data: 'no data for this customer' }),
    answer: {},
    coveredBy: { spec: 'display-messages-customer-information.e2e-spec.ts', rest: 'GET /api/stations/{id}/customer-information/{requestId}' },
  },
  {
    version: '2.0.1',
    action: 'PublishFirmwareStatusNotification',
    payload: () => ({ status: 'Published', requestId: 903, location: ['http://lc.local/firmware.bin'] }),
    answer: {},
    effect: async (rest) => {
      await rest.item(`/api/stations/${STATION_201}/published-firmware`, (publication) => publication.requestId === 903 && publication.status === 'Published');
    },
  },
  {
    version: '2.0.1',
    action: 'NotifyEVChargingSchedule',
    payload: () => ({ timeBase: at, evseId: 1, chargingSchedule: { id: 1, chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 11000 }] } }),
    answer: { status: 'Accepted' },
    effect: async (rest) => {
      await rest.item(`/api/stations/${STATION_201}/ev-charging-schedules`, (schedule) => schedule.evseId === 1);
    },
  },
  {
    version: '2.0.1',
    action: 'TransactionEvent',
    payload: () => ({
      eventType: 'Ended',
      timestamp: later,
      triggerReason: 'StopAuthorized',
      seqNo: 1,
      transactionInfo: { transactionId: 'ACT-TX-201', stoppedReason: 'Local' },
      meterValue: [{ timestamp: later, sampledValue: [{ value: 3500, measurand: 'Energy.Active.Import.Register', context: 'Transaction.End' }] }],
    }),
    answer: {},
    effect: async (rest) => {
      await rest.item(`/api/transactions?stationId=${STATION_201}`, (transaction) => transaction.transactionId === 'ACT-TX-201' && transaction.state === 'ended' && transaction.energyWh === 3000);
    },
  },
];
