import type { Ocpp201 } from '@app/ocpp';
import type { ApiPrincipal } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import { Ocpp201CallSender } from '../commands/ocpp201-call.sender';
import { type ApiResult, succeeded } from '../operator-api.error';
import { componentBody, ocppComponent, ocppVariable, reasonOf, stationStatusOf, variableBody } from './monitoring-call';
import type { ClearMonitorsBody, MonitoringBaseBody, MonitoringLevelBody, SetMonitorsBody } from './monitoring.schemas';

/** The station's whole answer to a 2.0.1 call, with the command id it travelled under. */
export interface StationAnswer {
  commandId: string;
  result: Record<string, unknown>;
}

/**
 * The 2.0.1 monitoring calls (raw calls: 1.6 has none of them): refused with a precise 422 for
 * a station connected over 1.6, otherwise sent like every operator command (history, errors).
 */
@Injectable()
export class MonitoringCommandsService {
  constructor(private readonly sender: Ocpp201CallSender) {}

  async setMonitors(stationId: string, body: SetMonitorsBody, actor?: ApiPrincipal) {
    const setMonitoringData = body.monitors.map((monitor): Ocpp201.SetMonitoringDataType => {
      const data: Ocpp201.SetMonitoringDataType = {
        value: monitor.value,
        type: monitor.type,
        severity: monitor.severity,
        component: ocppComponent(monitor.component),
        variable: ocppVariable(monitor.variable),
      };
      if (monitor.id !== undefined) data.id = monitor.id;
      if (monitor.transaction !== undefined) data.transaction = monitor.transaction;
      return data;
    });
    const sent = await this.call(stationId, 'SetVariableMonitoring', { setMonitoringData }, body.timeoutSeconds, actor);
    if (!sent.ok) return sent;
    const response = sent.value.result as unknown as Ocpp201.SetVariableMonitoringResponse;
    const results = response.setMonitoringResult.map((result) => ({
      monitorId: result.status === 'Accepted' ? (result.id ?? null) : null,
      status: result.status,
      reason: reasonOf(result.statusInfo),
      component: componentBody(result.component),
      variable: variableBody(result.variable),
      type: result.type,
      severity: result.severity,
    }));
    return succeeded({ commandId: sent.value.commandId, results });
  }

  async clearMonitors(stationId: string, body: ClearMonitorsBody, actor?: ApiPrincipal) {
    const sent = await this.call(stationId, 'ClearVariableMonitoring', { id: body.monitorIds }, body.timeoutSeconds, actor);
    if (!sent.ok) return sent;
    const response = sent.value.result as unknown as Ocpp201.ClearVariableMonitoringResponse;
    const results = response.clearMonitoringResult.map((result) => ({ monitorId: result.id, status: result.status, reason: reasonOf(result.statusInfo) }));
    return succeeded({ commandId: sent.value.commandId, results });
  }

  async setBase(stationId: string, body: MonitoringBaseBody, actor?: ApiPrincipal) {
    return this.statusCall(stationId, 'SetMonitoringBase', { monitoringBase: body.monitoringBase }, body.timeoutSeconds, actor);
  }

  async setLevel(stationId: string, body: MonitoringLevelBody, actor?: ApiPrincipal) {
    return this.statusCall(stationId, 'SetMonitoringLevel', { severity: body.severity }, body.timeoutSeconds, actor);
  }

  private async statusCall(stationId: string, action: string, payload: object, timeoutSeconds: number | undefined, actor: ApiPrincipal | undefined) {
    const sent = await this.call(stationId, action, payload, timeoutSeconds, actor);
    if (!sent.ok) return sent;
    const statusInfo = sent.value.result.statusInfo as Ocpp201.StatusInfoType | undefined;
    return succeeded({ commandId: sent.value.commandId, status: stationStatusOf(sent.value.result), reason: reasonOf(statusInfo) });
  }

  /** A 422 naming the version when the station is connected over another version than 2.0.1. */
  versionRefusal(stationId: string, action: string): ApiResult<never> | undefined {
    return this.sender.refusal(stationId, action);
  }

  /** Sends one 2.0.1 action as a raw call; its answer whether the station accepted or not. */
  async call(stationId: string, action: string, payload: object, timeoutSeconds: number | undefined, actor: ApiPrincipal | undefined): Promise<ApiResult<StationAnswer>> {
    const refusal = this.versionRefusal(stationId, action);
    if (refusal) return refusal;
    const sent = await this.sender.send(stationId, action, payload, actor, timeoutSeconds);
    if (!sent.ok) return sent;
    return succeeded({ commandId: sent.value.commandId, result: sent.value.result });
  }
}
