import { commandWith } from '../commands/mapping/station-command.fixtures';
import type { Execution } from '../routing/command-execution';
import type { CommandResultObservers } from '../routing/command-result.observers';
import { FirmwarePublishingObserver } from './firmware-publishing.observer';
import type { PublishedFirmwareRepository } from './published-firmware.repository';

const CHECKSUM = '0123456789abcdef0123456789abcdef';

function harness() {
  const repository = { refuse: jest.fn().mockResolvedValue(undefined), unpublished: jest.fn().mockResolvedValue(undefined) };
  const observer = new FirmwarePublishingObserver({ register: jest.fn() } as unknown as CommandResultObservers, repository as unknown as PublishedFirmwareRepository);
  const answered = (action: string, payload: object, result: Record<string, unknown>, status: Execution['outcome']['status']) =>
    observer.observe(commandWith({ case: 'rawCall', value: { action, payloadJson: JSON.stringify(payload) } }), { outcome: { status, result }, call: { action, payload } });
  return { repository, answered };
}

describe('FirmwarePublishingObserver', () => {
  it('marks a publication the station refused or could not take', async () => {
    const { repository, answered } = harness();
    await answered('PublishFirmware', { requestId: 3, location: 'https://x', checksum: CHECKSUM }, { status: 'Rejected' }, 'rejected');
    await answered('PublishFirmware', { requestId: 4, location: 'https://x', checksum: CHECKSUM }, {}, 'call-error');
    await answered('PublishFirmware', { requestId: 5, location: 'https://x', checksum: CHECKSUM }, { status: 'Accepted' }, 'accepted');
    await answered('PublishFirmware', { requestId: 6, location: 'https://x', checksum: CHECKSUM }, {}, 'timeout');
    expect(repository.refuse.mock.calls).toEqual([
      ['CP-1', 3, 'Rejected'],
      ['CP-1', 4, 'Failed'],
    ]);
  });

  it('withdraws the publications of a checksum the station unpublished, and only then', async () => {
    const { repository, answered } = harness();
    await answered('UnpublishFirmware', { checksum: CHECKSUM }, { status: 'NoFirmware' }, 'rejected');
    await answered('UnpublishFirmware', { checksum: CHECKSUM }, { status: 'Unpublished' }, 'rejected');
    expect(repository.unpublished.mock.calls).toEqual([['CP-1', CHECKSUM]]);
  });
});
