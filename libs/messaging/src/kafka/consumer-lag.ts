/** A partition's offsets as the brokers report them (kafkajs admin.fetchTopicOffsets). */
export interface PartitionOffsets {
  partition: number;
  /** The high watermark: the offset the next record will get. */
  high: string;
  /** The oldest offset still held (retention deletes below it). */
  low: string;
}

/** A group's committed offset on a partition (kafkajs admin.fetchOffsets); `-1`: nothing committed. */
export interface CommittedOffset {
  partition: number;
  offset: string;
}

export interface LagScope {
  /** Where the group starts without a committed offset. */
  from: 'beginning' | 'now';
  /** The one partition the group consumes (ocpp.commands: the replica's own); undefined: all. */
  partition?: number;
}

/**
 * Records a group has still to handle on a topic: per partition, the high watermark less the
 * committed offset, summed. A partition without a commit counts from the oldest record held for a
 * group that starts at the beginning, and as nothing for one that starts "now" (it will skip
 * whatever is there). Committed offsets below the oldest held count from the oldest: the records
 * in between are gone, and the group cannot handle them.
 */
export function consumerLag(committed: readonly CommittedOffset[], offsets: readonly PartitionOffsets[], scope: LagScope): number {
  const committedByPartition = new Map(committed.map((entry) => [entry.partition, Number(entry.offset)]));
  let lag = 0;
  for (const { partition, high, low } of offsets) {
    if (scope.partition !== undefined && partition !== scope.partition) continue;
    const at = committedByPartition.get(partition) ?? -1;
    if (at < 0 && scope.from === 'now') continue;
    const next = Math.max(at, Number(low));
    lag += Math.max(0, Number(high) - next);
  }
  return lag;
}
