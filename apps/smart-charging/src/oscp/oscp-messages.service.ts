import { fieldErrorsOf } from '@app/runtime';
import { ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { limitScheduleSchema } from '../limits/limit-schedule.schemas';
import { CapacityProviderRepository, type ProviderRow } from './capacity-provider.repository';
import { forecastKindOf, scheduleOfForecast } from './forecast-schedule';
import { OscpErrorCode, type OscpResult, failed, invalidMessage, succeeded } from './oscp.error';
import { OscpLimitApplier } from './oscp-limit.applier';
import { type Handshake, type Heartbeat, OSCP_VERSION, type Register, type UpdateGroupCapacityForecast } from './oscp-messages.schemas';
import { OscpRegistration } from './oscp-registration';

/** What this service does with each OSCP message a Capacity Provider sends (the controller answers 204 on success). */
@Injectable()
export class OscpMessagesService {
  private readonly logger: Logger;

  constructor(
    private readonly providers: CapacityProviderRepository,
    private readonly applier: OscpLimitApplier,
    private readonly registration: OscpRegistration,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.logger = rootLogger.child({ component: 'oscp' });
  }

  /**
   * A capacity forecast for one of the provider's groups. CONSUMPTION becomes the node's
   * `oscp:<provider>` schedule at once (while the provider speaks); FALLBACK_CONSUMPTION is kept for
   * when it is silent; export and optimum forecasts are taken and not applied (forecast-schedule.ts).
   */
  async updateGroupCapacityForecast(provider: ProviderRow, message: UpdateGroupCapacityForecast): Promise<OscpResult<void>> {
    const group = await this.providers.group(provider.provider_id, message.group_id);
    if (group === undefined) {
      return failed(
        OscpErrorCode.unknownGroup,
        `group_id ${message.group_id} is not a capacity group of Capacity Provider ${provider.provider_id}: the operator maps groups to sites (PUT /api/oscp/capacity-providers/${provider.provider_id}/groups)`,
        { groupId: message.group_id },
      );
    }
    const kind = forecastKindOf(message.type);
    if (kind === 'ignored') {
      this.logger.info({ providerId: provider.provider_id, groupId: message.group_id, type: message.type }, 'OSCP forecast of a type this service does not steer; taken, not applied');
      await this.providers.recordContact(provider.provider_id);
      await this.applier.reconcile(provider.provider_id);
      return succeeded(undefined);
    }
    const converted = scheduleOfForecast(message.forecasted_blocks, kind);
    if (!converted.ok) return invalidMessage(converted.errors.map((error) => ({ ...error, field: `body.${error.field}` })));
    const checked = limitScheduleSchema.safeParse(converted.schedule);
    if (!checked.success) return invalidMessage(fieldErrorsOf('body.forecasted_blocks (as a limit schedule)', checked.error.issues));
    await this.providers.saveForecast(provider.provider_id, group.group_id, kind, message.type, message.forecasted_blocks);
    await this.providers.recordContact(provider.provider_id);
    await this.applier.reconcile(provider.provider_id);
    return succeeded(undefined);
  }

  /** A heartbeat: the provider goes silent at its offline_mode_at, unless it speaks again before. */
  async heartbeat(provider: ProviderRow, message: Heartbeat, receivedAt: Date): Promise<OscpResult<void>> {
    const offlineModeAt = new Date(message.offline_mode_at);
    if (offlineModeAt.getTime() <= receivedAt.getTime()) {
      return invalidMessage([{ field: 'body.offline_mode_at', message: `must be in the future (received at ${receivedAt.toISOString()}): it says when you may be taken as offline` }]);
    }
    await this.providers.recordHeartbeat(provider.provider_id, offlineModeAt);
    await this.applier.reconcile(provider.provider_id);
    return succeeded(undefined);
  }

  /** Register: the provider's endpoint and the token we call it with; ours follows once we have answered (oscp-registration.ts). */
  async register(provider: ProviderRow, message: Register, ourBaseUrl: string): Promise<OscpResult<() => Promise<void>>> {
    const chosen = message.version_url.find((entry) => entry.version === OSCP_VERSION);
    if (chosen === undefined) {
      return failed(OscpErrorCode.unsupportedVersion, `this system speaks OSCP ${OSCP_VERSION} only; version_url offers ${message.version_url.map((entry) => entry.version).join(', ')}`, {
        supported: [OSCP_VERSION],
      });
    }
    await this.providers.update(this.providers.dataSource, provider.provider_id, { baseUrl: chosen.base_url, outboundToken: message.token, registered: false });
    await this.providers.recordContact(provider.provider_id);
    return succeeded(() => this.registration.registerWith(provider.provider_id, ourBaseUrl));
  }

  /** Handshake: the provider says how often it wants our heartbeats; we acknowledge, asking the same of it. */
  async handshake(provider: ProviderRow, message: Handshake): Promise<OscpResult<() => Promise<void>>> {
    const interval = message.required_behaviour.heartbeat_interval;
    if (interval !== undefined) await this.providers.update(this.providers.dataSource, provider.provider_id, { heartbeatIntervalS: interval });
    await this.providers.recordContact(provider.provider_id);
    await this.applier.reconcile(provider.provider_id);
    return succeeded(() => this.registration.acknowledgeHandshake(provider.provider_id));
  }

  /** HandshakeAcknowledge (of a Handshake the operator had us send): its heartbeat interval is taken like a Handshake's. */
  async handshakeAcknowledge(provider: ProviderRow, message: { required_behaviour?: Handshake['required_behaviour'] }): Promise<OscpResult<void>> {
    const interval = message.required_behaviour?.heartbeat_interval;
    if (interval !== undefined) await this.providers.update(this.providers.dataSource, provider.provider_id, { heartbeatIntervalS: interval });
    await this.providers.recordContact(provider.provider_id);
    await this.applier.reconcile(provider.provider_id);
    return succeeded(undefined);
  }
}
