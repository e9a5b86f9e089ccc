import { Injectable } from '@nestjs/common';
import { StationTenantRepository } from '../tenancy.port';
import { type ApiResult, OperatorApiErrorCode, failed } from '../operator-api.error';
import type { StationDetailView } from './station.schemas';
import { StationsService } from './stations.service';

/** Assigns a station to a tenant, or to none: how a tenant-less admin hands stations registered on first contact to an organisation. */
@Injectable()
export class StationTenantAssignment {
  constructor(
    private readonly tenancy: StationTenantRepository,
    private readonly stations: StationsService,
  ) {}

  async assign(stationId: string, tenant: string | null): Promise<ApiResult<StationDetailView>> {
    if (!(await this.tenancy.assign(stationId, tenant))) return failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} is not registered`);
    return this.stations.get(stationId);
  }
}
