import { commandWith } from '../commands/mapping/station-command.fixtures';
import type { Execution } from '../routing/command-execution';
import type { CommandResultObservers } from '../routing/command-result.observers';
import { CustomerInformationObserver, customerOf } from './customer-information.observer';
import type { CustomerInformationRepository } from './customer-information.repository';

function harness() {
  const repository = { answer: jest.fn().mockResolvedValue(undefined) };
  const observer = new CustomerInformationObserver({ register: jest.fn() } as unknown as CommandResultObservers, repository as unknown as CustomerInformationRepository);
  const answered = (payload: object, result: Record<string, unknown>, status: Execution['outcome']['status']) =>
    observer.observe(commandWith({ case: 'rawCall', value: { action: 'CustomerInformation', payloadJson: JSON.stringify(payload) } }), {
      outcome: { status, result },
      call: { action: 'CustomerInformation', payload },
    });
  return { repository, answered };
}

describe('CustomerInformationObserver', () => {
  it('records the station’s answer on its request, whom it was about included', async () => {
    const { repository, answered } = harness();
    await answered({ requestId: 4, report: true, clear: true, idToken: { idToken: 'AA', type: 'ISO14443', customData: { vendorId: 'v' } } }, { status: 'Accepted' }, 'accepted');
    await answered({ requestId: 5, report: true, clear: false, customerIdentifier: 'c-1' }, { status: 'Invalid' }, 'rejected');
    expect(repository.answer.mock.calls).toEqual([
      ['CP-1', 4, { report: true, clear: true, customer: { idToken: { idToken: 'AA', type: 'ISO14443' } } }, 'accepted', 'Accepted'],
      ['CP-1', 5, { report: true, clear: false, customer: { customerIdentifier: 'c-1' } }, 'rejected', 'Invalid'],
    ]);
  });

  it('leaves a request that never reached the station to the operator API', async () => {
    const { repository, answered } = harness();
    await answered({ requestId: 4, report: true, clear: false, customerIdentifier: 'c-1' }, {}, 'not-connected');
    expect(repository.answer).not.toHaveBeenCalled();
  });

  it('names the customer by the certificate’s hash data alone', () => {
    const customerCertificate = { hashAlgorithm: 'SHA256' as const, issuerNameHash: 'a', issuerKeyHash: 'b', serialNumber: 'c' };
    expect(customerOf({ requestId: 1, report: true, clear: false, customerCertificate })).toEqual({ customerCertificate });
  });
});
