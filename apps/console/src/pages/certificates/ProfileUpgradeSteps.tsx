import { Card, CloseButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import { formatDateTime } from '../../components/format';
import type { ProfileUpgrade } from './types';
import { StatusBadge } from './StatusBadge';

/** The answer as compact JSON: upgrades answer with small version-neutral objects. */
const answerOf = (answer: unknown) => (answer === undefined ? '—' : JSON.stringify(answer));

/** Every step of one profile upgrade, oldest first, with what was sent and what the station answered. */
export function ProfileUpgradeSteps({ upgrade, onClose }: { upgrade: ProfileUpgrade; onClose: () => void }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={`Steps of the upgrade of ${upgrade.stationId}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5">
            {upgrade.stationId}: profile {upgrade.fromProfile} → {upgrade.toProfile} ({upgrade.status})
          </Title>
          <CloseButton onClick={onClose} aria-label="Close the upgrade's steps" />
        </Group>
        <Text size="sm">
          OCPP {upgrade.protocol}, to {upgrade.csmsUrl}
          {upgrade.reason ? `: ${upgrade.reason}` : ''}
        </Text>
        {upgrade.steps.length === 0 ? (
          <Text size="sm">No step yet.</Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-label={`Steps of the upgrade of ${upgrade.stationId}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Step</Table.Th>
                  <Table.Th>Action</Table.Th>
                  <Table.Th>Result</Table.Th>
                  <Table.Th>Answer</Table.Th>
                  <Table.Th>At</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {upgrade.steps.map((step, index) => (
                  // Steps are an append-only log: their position is their identity.
                  <Table.Tr key={`${index}-${step.step}`}>
                    <Table.Td>{step.step}</Table.Td>
                    <Table.Td>{step.action}</Table.Td>
                    <Table.Td>
                      <StatusBadge color={step.ok ? 'green' : 'red'}>
                        {step.ok ? 'ok' : 'failed'}
                      </StatusBadge>
                      {step.detail && <Text size="xs">{step.detail}</Text>}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                        {answerOf(step.answer)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatDateTime(step.at)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
