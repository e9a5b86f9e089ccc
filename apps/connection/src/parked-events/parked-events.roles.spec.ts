import { REQUIRED_ROLE } from '@app/runtime';
import { ParkedEventsController } from './parked-events.controller';

/** Replaying re-runs handlers' side effects and errors may name internals: admin only. */
describe('parked events API roles', () => {
  it.each(['list', 'replayGroup', 'replayOne'] as const)('requires admin for %s', (method) => {
    expect(Reflect.getMetadata(REQUIRED_ROLE, ParkedEventsController.prototype[method])).toBe('admin');
  });
});
