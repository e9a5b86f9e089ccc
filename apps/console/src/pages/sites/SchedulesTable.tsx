import { Table, Text } from '@mantine/core';
import { formatDateTime } from '../../components/format';
import { formatDuration, formatLimit } from './limit-format';
import type { ScheduleView } from './site-types';

/** Every source's schedule on a node: its default, its slots, and who changed it last. */
export function SchedulesTable({ schedules, nodeLabel }: { schedules: ScheduleView[]; nodeLabel: string }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={`Limit schedules of ${nodeLabel}`} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Source</Table.Th>
            <Table.Th>Default</Table.Th>
            <Table.Th>Slots</Table.Th>
            <Table.Th>Last change</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {schedules.map((schedule) => (
            <Table.Tr key={schedule.source}>
              <Table.Td>{schedule.source}</Table.Td>
              <Table.Td>{formatLimit(schedule.default)}</Table.Td>
              <Table.Td>
                {schedule.slots.length === 0
                  ? 'none'
                  : schedule.slots.map((slot) => (
                      <Text key={slot.start} size="xs">
                        {formatDateTime(slot.start)} for {formatDuration(slot.durationS)}: {formatLimit(slot)}
                      </Text>
                    ))}
              </Table.Td>
              <Table.Td>
                <Text size="xs">
                  {schedule.updatedBy}, {formatDateTime(schedule.updatedAt)} (version {schedule.version})
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
