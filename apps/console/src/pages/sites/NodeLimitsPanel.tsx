import { Card, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { ProblemAlert } from '../../components/ProblemAlert';
import { effectiveRows, formatLimit } from './limit-format';
import { SchedulesTable } from './SchedulesTable';
import { useNodeLimits } from './use-node-limits';

/** The selected node's effective limit per phase (and which source sets it), and every source's schedule. */
export function NodeLimitsPanel({ siteId, nodeId, nodeLabel }: { siteId: string; nodeId: string; nodeLabel: string }) {
  const limits = useNodeLimits(siteId, nodeId);
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h5">
          Effective limit now
        </Title>
        {limits.isPending && <Skeleton h={120} />}
        {limits.isError && <ProblemAlert error={limits.error} title="The limits could not be loaded" />}
        {limits.data && (
          <>
            <Table.ScrollContainer minWidth={320}>
              <Table aria-label={`Effective limit of ${nodeLabel}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Phase</Table.Th>
                    <Table.Th>Limit</Table.Th>
                    <Table.Th>Set by</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {effectiveRows(limits.data.effectiveNow).map((row) => (
                    <Table.Tr key={row.what}>
                      <Table.Td>{row.what}</Table.Td>
                      <Table.Td>{row.value}</Table.Td>
                      <Table.Td>{row.boundBy}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="sm">Node default: {formatLimit(limits.data.nodeLimit)}</Text>
            <Title order={4} size="h6">
              Schedules by source
            </Title>
            {limits.data.schedules.length === 0 ? <Text size="sm">No source has set a schedule on this node.</Text> : <SchedulesTable schedules={limits.data.schedules} nodeLabel={nodeLabel} />}
          </>
        )}
      </Stack>
    </Card>
  );
}
