import { PresenceReplay } from './presence-replay';

describe('PresenceReplay', () => {
  it('is not caught up before the end offsets are known', () => {
    expect(new PresenceReplay().caughtUp).toBe(false);
  });

  it('is caught up at once when presence is empty', () => {
    const replay = new PresenceReplay();
    replay.begin([
      { partition: 0, low: '0', high: '0' },
      { partition: 1, low: '7', high: '7' },
    ]);
    expect(replay.caughtUp).toBe(true);
  });

  it('waits until every partition was read up to its last record at start', () => {
    const replay = new PresenceReplay();
    replay.begin([
      { partition: 0, low: '0', high: '3' },
      { partition: 1, low: '5', high: '10' },
    ]);
    replay.seen(0, '2');
    replay.seen(1, '8');
    expect(replay.caughtUp).toBe(false);
    expect(replay.describe()).toContain('1@9');
    // Compaction may have removed the records in between: the offset, not the count, decides.
    replay.seen(1, '9');
    expect(replay.caughtUp).toBe(true);
    expect(replay.describe()).toBe('replayed');
  });

  it('is not held back by records published after start', () => {
    const replay = new PresenceReplay();
    replay.begin([{ partition: 0, low: '0', high: '2' }]);
    replay.seen(0, '5');
    expect(replay.caughtUp).toBe(true);
  });
});
