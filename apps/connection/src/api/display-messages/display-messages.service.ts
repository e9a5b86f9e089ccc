import type { ApiPrincipal } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import { DisplayMessageRepository, type DisplayMessageRequest } from '../station-features.port';
import type { CommandAnswer } from '../commands/command-answer';
import { Ocpp201CallSender } from '../commands/ocpp201-call.sender';
import type { TrackedRequestAnswer } from '../commands/ocpp201-fields';
import { type ApiResult, OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';
import { StationReadRepository } from '../stations/station-read.repository';
import type { RequestDisplayMessagesBody, SetDisplayMessageBody } from './display-message.schemas';

const FEATURE = 'display messages';

/** The operator's side of display messages: set, clear and ask for them (2.0.1), and read what each station holds. */
@Injectable()
export class DisplayMessagesService {
  constructor(
    private readonly sender: Ocpp201CallSender,
    private readonly messages: DisplayMessageRepository,
    private readonly stations: StationReadRepository,
  ) {}

  async list(stationId: string) {
    if (!(await this.stations.exists(stationId))) return failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} is not registered`);
    const stored = await this.messages.list(stationId);
    return succeeded({ items: stored.map((entry) => ({ ...entry.message, source: entry.source, updatedAt: entry.updatedAt.toISOString() })) });
  }

  async set(stationId: string, body: SetDisplayMessageBody, actor: ApiPrincipal | undefined): Promise<ApiResult<CommandAnswer>> {
    const { timeoutSeconds, ...message } = body;
    return this.sender.refusal(stationId, FEATURE) ?? this.sender.send(stationId, 'SetDisplayMessage', { message }, actor, timeoutSeconds);
  }

  async clear(stationId: string, messageId: number, timeoutSeconds: number | undefined, actor: ApiPrincipal | undefined): Promise<ApiResult<CommandAnswer>> {
    return this.sender.refusal(stationId, FEATURE) ?? this.sender.send(stationId, 'ClearDisplayMessage', { id: messageId }, actor, timeoutSeconds);
  }

  /** A GetDisplayMessages whose parts (NotifyDisplayMessages) replace what the station is known to hold. */
  async request(stationId: string, body: RequestDisplayMessagesBody, actor: ApiPrincipal | undefined): Promise<ApiResult<TrackedRequestAnswer>> {
    const refusal = this.sender.refusal<TrackedRequestAnswer>(stationId, FEATURE);
    if (refusal) return refusal;
    if (!(await this.stations.exists(stationId))) return failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} is not registered`);
    const { timeoutSeconds, ids, priority, state } = body;
    const criteria = { ...(ids === undefined ? {} : { ids }), ...(priority === undefined ? {} : { priority }), ...(state === undefined ? {} : { state }) };
    const requestId = await this.messages.createRequest(stationId, criteria);
    const sent = await this.sender.send(stationId, 'GetDisplayMessages', { requestId, ...(ids === undefined ? {} : { id: ids }), ...(priority === undefined ? {} : { priority }), ...(state === undefined ? {} : { state }) }, actor, timeoutSeconds);
    if (!sent.ok) {
      await this.messages.failRequest(stationId, requestId);
      return sent;
    }
    const { commandId, status, result } = sent.value;
    return succeeded({ requestId, commandId, status, stationStatus: typeof result.status === 'string' ? result.status : null });
  }

  async findRequest(stationId: string, requestId: number) {
    const request = await this.messages.findRequest(stationId, requestId);
    if (request === undefined) return failed(OperatorApiErrorCode.requestNotFound, `station ${stationId} has no display-message request ${requestId}`);
    return succeeded(requestView(request));
  }
}

function requestView(request: DisplayMessageRequest) {
  return {
    requestId: request.requestId,
    criteria: request.criteria,
    status: request.status,
    stationStatus: request.stationStatus,
    parts: request.parts,
    reportedIds: request.reportedIds,
    requestedAt: request.requestedAt.toISOString(),
    completedAt: request.completedAt?.toISOString() ?? null,
  };
}
