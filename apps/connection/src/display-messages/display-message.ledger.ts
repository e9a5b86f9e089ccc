import { Injectable } from '@nestjs/common';
import { type DisplayMessage, type DisplayMessageCriteria, staleMessageIds } from './display-message';
import { DisplayMessageRepository, type DisplayRequestStatus } from './display-message.repository';

/**
 * Keeps each station's display messages as the station holds them: from its answers to
 * SetDisplayMessage, ClearDisplayMessage and GetDisplayMessages (command-result observer) and from
 * the parts of NotifyDisplayMessages (handler). A finished report replaces what it asked for.
 */
@Injectable()
export class DisplayMessageLedger {
  constructor(private readonly repository: DisplayMessageRepository) {}

  async set(stationId: string, message: DisplayMessage): Promise<void> {
    await this.repository.save(stationId, [message], 'set');
  }

  async cleared(stationId: string, messageId: number): Promise<void> {
    await this.repository.remove(stationId, [messageId]);
  }

  /** GetDisplayMessages answered: Accepted (parts follow), Unknown (the station has none of them) or Rejected. */
  async reportAnswered(stationId: string, requestId: number, criteria: DisplayMessageCriteria, stationStatus: string): Promise<void> {
    const status: DisplayRequestStatus = stationStatus === 'Accepted' ? 'accepted' : stationStatus === 'Unknown' ? 'complete' : 'rejected';
    await this.repository.answerRequest(stationId, requestId, criteria, status, stationStatus);
    if (status === 'complete') await this.removeStale(stationId, criteria, []);
  }

  async partReported(stationId: string, requestId: number, messages: readonly DisplayMessage[], last: boolean): Promise<void> {
    await this.repository.save(stationId, messages, 'reported');
    const request = await this.repository.addPart(
      stationId,
      requestId,
      messages.map((message) => message.id),
      last,
    );
    if (last && request !== undefined) await this.removeStale(stationId, request.criteria, request.reportedIds);
  }

  private async removeStale(stationId: string, criteria: DisplayMessageCriteria, reportedIds: readonly number[]): Promise<void> {
    const stored = await this.repository.list(stationId);
    await this.repository.remove(
      stationId,
      staleMessageIds(
        stored.map((entry) => entry.message),
        criteria,
        reportedIds,
      ),
    );
  }
}
