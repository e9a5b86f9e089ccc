import { consumerLag } from './consumer-lag';

const offsets = [
  { partition: 0, low: '0', high: '10' },
  { partition: 1, low: '5', high: '8' },
  { partition: 2, low: '0', high: '0' },
];

describe('consumer lag', () => {
  it('sums the high watermark less the committed offset over the partitions', () => {
    const committed = [
      { partition: 0, offset: '7' },
      { partition: 1, offset: '8' },
      { partition: 2, offset: '0' },
    ];
    expect(consumerLag(committed, offsets, { from: 'beginning' })).toBe(3);
  });

  it('is 0 for a group that has handled everything', () => {
    expect(consumerLag([{ partition: 0, offset: '10' }, { partition: 1, offset: '8' }, { partition: 2, offset: '-1' }], offsets, { from: 'beginning' })).toBe(0);
  });

  it('counts a partition without a commit from its oldest record for a group that starts at the beginning', () => {
    expect(consumerLag([{ partition: 0, offset: '-1' }], offsets, { from: 'beginning' })).toBe(10 + 3);
  });

  it('counts a partition without a commit as nothing for a group that starts now', () => {
    expect(consumerLag([{ partition: 0, offset: '-1' }, { partition: 1, offset: '6' }], offsets, { from: 'now' })).toBe(2);
  });

  it('counts from the oldest record held when retention deleted past the commit', () => {
    expect(consumerLag([{ partition: 1, offset: '2' }], [{ partition: 1, low: '5', high: '8' }], { from: 'beginning' })).toBe(3);
  });

  it('counts only the partition a fixed-partition group consumes', () => {
    expect(consumerLag([{ partition: 1, offset: '6' }], offsets, { from: 'beginning', partition: 1 })).toBe(2);
  });
});
