import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { CredentialProvisioner } from '../credentials/credential-provisioner';
import type { CallContext } from '../gateway/call-handler.registry';
import { LocalListReconciler } from '../local-lists/local-list.reconciler';
import { ChargingCapabilitiesDiscovery } from '../smart-charging/charging-capabilities.discovery';
import { StationEventEmitter } from '../station-events/station-event.emitter';
import { StationHistoryRecorder } from '../station-history/station-history.recorder';
import { bootRecordOf } from '../station-history/station-history.records';
import { type BootPolicySettings, decideBoot } from '../stations/boot-policy';
import { StationRegistrations } from '../stations/station-registrations';
import { StationRepository } from '../stations/station.repository';
import { type BootAnswer, type BootReport, bootAnswer } from './boot-notification.adapter';
import { bootedEvent } from './provisioning.events';

/**
 * BootNotification, both versions: stores what the station reports, answers by its registration
 * (Accepted / Pending / Rejected), and publishes `booted` after answering; the boot and its
 * answer go to the station's history in the background. An accepted station is then asked for its
 * charging capabilities, and its local list is reconciled.
 */
@Injectable()
export class BootNotificationHandler {
  private readonly settings: BootPolicySettings;

  constructor(
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
    private readonly stations: StationRepository,
    private readonly registrations: StationRegistrations,
    private readonly events: StationEventEmitter,
    private readonly history: StationHistoryRecorder,
    private readonly capabilities: ChargingCapabilitiesDiscovery,
    private readonly localLists: LocalListReconciler,
    private readonly credentials: CredentialProvisioner,
  ) {
    this.settings = {
      heartbeatIntervalSeconds: config.gateway.heartbeatIntervalSeconds,
      bootRetryIntervalSeconds: config.stationCore.bootRetryIntervalSeconds,
    };
  }

  async handle(context: CallContext, report: BootReport): Promise<BootAnswer> {
    const now = new Date();
    const recorded = await this.stations.recordBoot(context.stationId, report, now);
    const decision = decideBoot(recorded?.registration, this.settings);
    this.registrations.remember(context.stationId, recorded?.registration, now.getTime());
    if (recorded?.serialNumber && report.serialNumber && recorded.serialNumber !== report.serialNumber) {
      context.logger.warn(
        { registered: recorded.serialNumber, reported: report.serialNumber },
        'the station reports a serial number other than the registered one',
      );
    }
    context.logger.info({ status: decision.status, vendor: report.vendor, model: report.model, firmware: report.firmwareVersion }, 'station booted');
    this.events.publishAnswered(context.stationId, bootedEvent(report, decision), context.logger, { occurredAt: now });
    this.history.booted(bootRecordOf(context.stationId, report, decision, now));
    if (decision.status === 'Accepted') this.capabilities.afterAcceptedBoot(context);
    if (decision.status === 'Accepted') this.localLists.afterAcceptedBoot(context);
    if (decision.status === 'Accepted') this.credentials.afterAcceptedBoot(context.stationId);
    return bootAnswer(decision, now);
  }
}
