import { AssignerProtocol, type PartitionAssigner } from 'kafkajs';

/**
 * A group assignment that gives one partition to one member: connection
 * replica k consumes partition k of ocpp.commands, in a group of its own. Should
 * two processes claim the same replica index, only the first member (by id)
 * gets the partition, so a command is never executed twice.
 */
export function fixedPartitionAssigner(partition: number): PartitionAssigner {
  return () => ({
    name: `FixedPartition${partition}`,
    version: 1,
    async assign({ members, topics }) {
      const [owner, ...others] = [...members].sort((a, b) => a.memberId.localeCompare(b.memberId));
      const encode = (partitions: number[]) =>
        AssignerProtocol.MemberAssignment.encode({
          version: 1,
          assignment: Object.fromEntries(topics.map((topic) => [topic, partitions])),
          userData: Buffer.alloc(0),
        });
      return [
        ...(owner ? [{ memberId: owner.memberId, memberAssignment: encode([partition]) }] : []),
        ...others.map((member) => ({ memberId: member.memberId, memberAssignment: encode([]) })),
      ];
    },
    protocol({ topics }) {
      return {
        name: `FixedPartition${partition}`,
        metadata: AssignerProtocol.MemberMetadata.encode({ version: 1, topics, userData: Buffer.alloc(0) }),
      };
    },
  });
}
