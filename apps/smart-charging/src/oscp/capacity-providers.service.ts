import { resultTransaction } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { CapacityProviderRepository, type GroupRow } from './capacity-provider.repository';
import type { CreateProviderBody, ProviderView, PutGroupsBody, UpdateProviderBody } from './capacity-provider.schemas';
import { providerViewOf } from './capacity-provider.view';
import { OscpErrorCode, type OscpResult, failed, succeeded } from './oscp.error';
import { OscpLimitApplier } from './oscp-limit.applier';
import { generateToken, hashToken } from './oscp-token';

const notFound = <T>(providerId: string): OscpResult<T> => failed(OscpErrorCode.providerNotFound, `there is no Capacity Provider ${providerId}`);

type GroupInput = PutGroupsBody['groups'][number];

/** The registry of Capacity Providers: who may send us forecasts, with which token, for which nodes. */
@Injectable()
export class CapacityProvidersService {
  constructor(
    private readonly providers: CapacityProviderRepository,
    private readonly applier: OscpLimitApplier,
  ) {}

  async create(body: CreateProviderBody): Promise<OscpResult<{ provider: ProviderView; token: string }>> {
    const token = generateToken();
    const created = await resultTransaction(this.providers.dataSource, async (manager): Promise<OscpResult<void>> => {
      const missing = await this.missing(manager, body.groups);
      if (!missing.ok) return missing;
      const row = await this.providers.insert(manager, {
        providerId: body.providerId,
        name: body.name ?? null,
        baseUrl: body.baseUrl ?? null,
        tokenSha256: hashToken(token),
        outboundToken: body.outboundToken ?? null,
        heartbeatIntervalS: body.heartbeatIntervalS,
      });
      if (row === undefined) return failed(OscpErrorCode.providerExists, `Capacity Provider ${body.providerId} exists already`);
      await this.providers.replaceGroups(manager, body.providerId, body.groups);
      return succeeded(undefined);
    });
    if (!created.ok) return created;
    const provider = await this.view(body.providerId);
    return provider.ok ? succeeded({ provider: provider.value, token }) : provider;
  }

  async list(): Promise<ProviderView[]> {
    const views: ProviderView[] = [];
    for (const row of await this.providers.list()) {
      views.push(providerViewOf(row, await this.providers.groupsOf(this.providers.dataSource, row.provider_id), await this.providers.forecastsOf(row.provider_id)));
    }
    return views;
  }

  async view(providerId: string): Promise<OscpResult<ProviderView>> {
    const row = await this.providers.find(this.providers.dataSource, providerId);
    if (row === undefined) return notFound(providerId);
    return succeeded(providerViewOf(row, await this.providers.groupsOf(this.providers.dataSource, providerId), await this.providers.forecastsOf(providerId)));
  }

  async update(providerId: string, body: UpdateProviderBody): Promise<OscpResult<ProviderView>> {
    const row = await this.providers.update(this.providers.dataSource, providerId, body);
    if (row === undefined) return notFound(providerId);
    return this.view(providerId);
  }

  /** A new token for the provider to call us with; the previous one stops working at once. */
  async rotateToken(providerId: string): Promise<OscpResult<{ token: string }>> {
    const token = generateToken();
    const row = await this.providers.update(this.providers.dataSource, providerId, { tokenSha256: hashToken(token) });
    return row === undefined ? notFound(providerId) : succeeded({ token });
  }

  /** Replaces the group → node mapping; nodes no group limits any more lose the provider's schedule, the others get what applies. */
  async replaceGroups(providerId: string, body: PutGroupsBody, actor: string): Promise<OscpResult<ProviderView>> {
    let dropped: GroupRow[] = [];
    const replaced = await resultTransaction(this.providers.dataSource, async (manager): Promise<OscpResult<void>> => {
      if ((await this.providers.find(manager, providerId, true)) === undefined) return notFound(providerId);
      const missing = await this.missing(manager, body.groups);
      if (!missing.ok) return missing;
      const before = await this.providers.groupsOf(manager, providerId);
      dropped = before.filter((group) => !body.groups.some((kept) => kept.siteId === group.site_id && kept.nodeId === group.node_id));
      await this.providers.replaceGroups(manager, providerId, body.groups);
      return succeeded(undefined);
    });
    if (!replaced.ok) return replaced;
    await this.applier.removeFrom(providerId, dropped, actor);
    await this.applier.reconcile(providerId);
    return this.view(providerId);
  }

  async remove(providerId: string, actor: string): Promise<OscpResult<void>> {
    const groups = await this.providers.groupsOf(this.providers.dataSource, providerId);
    if (!(await this.providers.delete(this.providers.dataSource, providerId))) return notFound(providerId);
    await this.applier.removeFrom(providerId, groups, actor);
    return succeeded(undefined);
  }

  private async missing(manager: Parameters<CapacityProviderRepository['missingNodes']>[0], groups: readonly GroupInput[]): Promise<OscpResult<void>> {
    const missing = await this.providers.missingNodes(manager, groups);
    if (missing.length === 0) return succeeded(undefined);
    const errors = missing.map((index) => ({ field: `body.groups[${index}].nodeId`, message: `site ${groups[index]?.siteId} has no node ${groups[index]?.nodeId}` }));
    return failed(OscpErrorCode.nodeNotFound, errors.map((error) => `${error.field}: ${error.message}`).join('; '), { errors });
  }
}

