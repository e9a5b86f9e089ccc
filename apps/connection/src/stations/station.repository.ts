import { InjectDataSource } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource, Repository } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import { StationEntity } from './station.entity';

/** What the gateway needs to know about a station to authenticate it. */
export interface StationSecurity {
  id: string;
  securityProfile: number;
  passwordHash: string | null;
  serialNumber: string | null;
}

@Injectable()
export class StationRepository {
  private readonly stations: Repository<StationEntity>;

  constructor(@InjectDataSource(CONNECTION_SCHEMA) dataSource: DataSource) {
    this.stations = dataSource.getRepository(StationEntity);
  }

  async findSecurity(id: string): Promise<StationSecurity | undefined> {
    const station = await this.stations.findOne({
      where: { id },
      select: { id: true, securityProfile: true, passwordHash: true, serialNumber: true },
    });
    return station ?? undefined;
  }

  /** First contact in embedded mode: registers an unknown station without credentials. Idempotent. */
  async registerWithoutCredentials(id: string): Promise<StationSecurity> {
    await this.stations
      .createQueryBuilder()
      .insert()
      .values({ id, securityProfile: 0, autoRegistered: true })
      .orIgnore()
      .execute();
    const station = await this.findSecurity(id);
    if (!station) throw new Error(`station ${id} vanished right after registration`);
    return station;
  }
}
