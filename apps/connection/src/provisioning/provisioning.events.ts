import { timestampFromDate } from '@app/contracts';
import type { ConnectorStatusReport } from '../stations/connector-status';
import { type StationEventBody, connectorStatusCodes, registrationStatusCodes } from '../station-events/event-body';
import type { BootDecision } from '../stations/boot-policy';
import type { BootReport } from './boot-notification.adapter';
import type { StationNoticeReport } from './notify-event.adapter';

export function bootedEvent(report: BootReport, decision: BootDecision): StationEventBody {
  return {
    case: 'booted',
    value: {
      vendor: report.vendor,
      model: report.model,
      serialNumber: report.serialNumber ?? '',
      firmwareVersion: report.firmwareVersion ?? '',
      reason: report.reason ?? '',
      status: registrationStatusCodes[decision.status],
      heartbeatIntervalSeconds: decision.intervalSeconds,
    },
  };
}

export function statusEvent(report: ConnectorStatusReport): StationEventBody {
  return {
    case: 'status',
    value: {
      evseId: report.evseId,
      connectorId: report.connectorId,
      status: connectorStatusCodes[report.status],
      ocppStatus: report.ocppStatus,
      errorCode: report.errorCode ?? '',
      info: report.info ?? '',
      vendorErrorCode: report.vendorErrorCode ?? '',
      statusAt: timestampFromDate(report.statusAt),
    },
  };
}

export function noticeEvent(notice: StationNoticeReport): StationEventBody {
  return {
    case: 'notice',
    value: {
      eventId: notice.eventId,
      trigger: notice.trigger,
      eventType: notice.eventType,
      component: notice.component,
      variable: notice.variable,
      actualValue: notice.actualValue,
      cleared: notice.cleared,
      techCode: notice.techCode ?? '',
      techInfo: notice.techInfo ?? '',
      noticedAt: timestampFromDate(notice.noticedAt),
    },
  };
}
