import { Injectable } from '@nestjs/common';
import { EvChargingScheduleRepository } from '../station-features.port';
import { OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';
import { StationReadRepository } from '../stations/station-read.repository';

@Injectable()
export class EvChargingSchedulesService {
  constructor(
    private readonly schedules: EvChargingScheduleRepository,
    private readonly stations: StationReadRepository,
  ) {}

  async list(stationId: string) {
    if (!(await this.stations.exists(stationId))) return failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} is not registered`);
    const schedules = await this.schedules.list(stationId);
    return succeeded({
      items: schedules.map((schedule) => ({
        evseId: schedule.evseId,
        timeBase: schedule.timeBase.toISOString(),
        chargingSchedule: schedule.chargingSchedule as unknown as Record<string, unknown>,
        receivedAt: schedule.receivedAt.toISOString(),
      })),
    });
  }
}
