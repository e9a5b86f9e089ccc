import type { ApiPrincipal } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import { PublishedFirmwareRepository } from '../station-features.port';
import type { CommandAnswer } from '../commands/command-answer';
import { Ocpp201CallSender } from '../commands/ocpp201-call.sender';
import type { TrackedRequestAnswer } from '../commands/ocpp201-fields';
import { type ApiResult, OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';
import { StationReadRepository } from '../stations/station-read.repository';
import type { PublishFirmwareBody } from './published-firmware.schemas';

const FEATURE = 'firmware publishing';

/** PublishFirmware / UnpublishFirmware for 2.0.1 local controllers, and how far each publication got. */
@Injectable()
export class PublishedFirmwareService {
  constructor(
    private readonly sender: Ocpp201CallSender,
    private readonly publications: PublishedFirmwareRepository,
    private readonly stations: StationReadRepository,
  ) {}

  async publish(stationId: string, body: PublishFirmwareBody, actor: ApiPrincipal | undefined): Promise<ApiResult<TrackedRequestAnswer>> {
    const refusal = this.sender.refusal<TrackedRequestAnswer>(stationId, FEATURE);
    if (refusal) return refusal;
    if (!(await this.stations.exists(stationId))) return failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} is not registered`);
    const checksum = body.checksum.toLowerCase();
    const requestId = await this.publications.create(stationId, body.location, checksum);
    const payload = {
      location: body.location,
      checksum,
      requestId,
      ...(body.retries === undefined ? {} : { retries: body.retries }),
      ...(body.retryIntervalSeconds === undefined ? {} : { retryInterval: body.retryIntervalSeconds }),
    };
    const sent = await this.sender.send(stationId, 'PublishFirmware', payload, actor, body.timeoutSeconds);
    if (!sent.ok) {
      await this.publications.refuse(stationId, requestId, 'Failed');
      return sent;
    }
    const { commandId, status, result } = sent.value;
    return succeeded({ requestId, commandId, status, stationStatus: typeof result.status === 'string' ? result.status : null });
  }

  /** Accepted when the station answers Unpublished: a raw call only knows the generic success statuses. */
  async unpublish(stationId: string, checksum: string, timeoutSeconds: number | undefined, actor: ApiPrincipal | undefined): Promise<ApiResult<CommandAnswer>> {
    const refusal = this.sender.refusal<CommandAnswer>(stationId, FEATURE);
    if (refusal) return refusal;
    const sent = await this.sender.send(stationId, 'UnpublishFirmware', { checksum: checksum.toLowerCase() }, actor, timeoutSeconds);
    if (!sent.ok) return sent;
    return succeeded({ ...sent.value, status: sent.value.result.status === 'Unpublished' ? 'accepted' : 'rejected' });
  }

  async list(stationId: string) {
    if (!(await this.stations.exists(stationId))) return failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} is not registered`);
    const publications = await this.publications.list(stationId);
    return succeeded({
      items: publications.map((publication) => ({ ...publication, requestedAt: publication.requestedAt?.toISOString() ?? null, updatedAt: publication.updatedAt.toISOString() })),
    });
  }
}
