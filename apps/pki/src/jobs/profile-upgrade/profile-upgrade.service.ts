import { randomUUID } from 'node:crypto';
import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { OcppVersion } from '@app/contracts';
import { Problem } from '@app/runtime';
import { PresenceDirectory } from '@app/station-commands';
import { Inject, Injectable } from '@nestjs/common';
import { type ProfileUpgrade, ProfileUpgradeRepository } from './profile-upgrade.repository';
import { ProfileUpgradeRunner } from './profile-upgrade.runner';
import { StationRegistryClient } from './station-registry.client';
import { decideUpgrade } from './upgrade-plan';

const protocolNames: Partial<Record<OcppVersion, '1.6' | '2.0.1'>> = { [OcppVersion.OCPP_VERSION_1_6]: '1.6', [OcppVersion.OCPP_VERSION_2_0_1]: '2.0.1' };

/** Starting a profile upgrade: the checks that refuse it, then a running row the runner drives. */
@Injectable()
export class ProfileUpgradeService {
  private readonly gatewayWssUrl: string | undefined;

  constructor(
    private readonly upgrades: ProfileUpgradeRepository,
    private readonly runner: ProfileUpgradeRunner,
    private readonly presence: PresenceDirectory,
    private readonly registry: StationRegistryClient,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
  ) {
    this.gatewayWssUrl = config.pki.profileUpgrade.gatewayWssUrl;
  }

  async start(stationId: string, toProfile: number, requestedBy: string | undefined): Promise<ProfileUpgrade> {
    const missing = this.gatewayWssUrl === undefined ? 'PKI_GATEWAY_WSS_URL' : this.registry.missingSetting;
    if (missing !== undefined || this.gatewayWssUrl === undefined) {
      throw new Problem({ status: 503, code: 'profile-upgrade-unconfigured', detail: `profile upgrades need ${missing ?? 'PKI_GATEWAY_WSS_URL'} to be set` });
    }
    const location = this.presence.locate(stationId);
    const refusal = decideUpgrade(
      { stationId, connected: location?.connected === true, securityProfile: location?.securityProfile ?? 0, holdsClientCertificate: toProfile === 3 && (await this.upgrades.holdsClientCertificate(stationId)) },
      toProfile,
    );
    if (refusal !== undefined) throw new Problem({ status: refusal.code === 'profile-unsupported' ? 422 : 409, code: refusal.code, detail: refusal.detail });
    const protocol = location && protocolNames[location.protocol];
    if (location === undefined || protocol === undefined) throw new Problem({ status: 409, code: 'protocol-unsupported', detail: `station ${stationId} speaks no OCPP version an upgrade knows` });
    if ((await this.upgrades.activeRootPem()) === undefined) throw new Problem({ status: 409, code: 'no-active-root', detail: 'there is no active root CA to install on the station; create or activate one first' });
    const id = randomUUID();
    const started = await this.upgrades.start({ id, stationId, protocol, fromProfile: location.securityProfile, toProfile, csmsUrl: this.gatewayWssUrl, requestedBy: requestedBy ?? null });
    if (!started) throw new Problem({ status: 409, code: 'upgrade-running', detail: `a profile upgrade of station ${stationId} is already running` });
    const job = await this.upgrades.find(id);
    if (job === undefined) throw new Error(`profile upgrade ${id} vanished after its insert`);
    this.runner.drive(job);
    return job;
  }
}
