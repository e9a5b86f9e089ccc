import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { commandForms } from './station-commands';
import type { StationDetail } from './station-types';
import { CommandFormCard } from './CommandFormCard';
import type { TransactionOption } from './transaction-choice';

/** The common commands (operators and admins), each a small form fitted to the station's OCPP version; `transactions`: its active ones. */
export function StationCommands({ station, transactions }: { station: StationDetail; transactions: readonly TransactionOption[] }) {
  return (
    <Paper withBorder p="sm">
      <Title order={2} size="h5">
        Commands
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {station.live.protocol ? `Fields fitted to ${station.live.protocol}.` : 'The station is not connected: commands will be refused until it is.'}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="sm">
        {commandForms.map((form) => (
          <CommandFormCard key={form.name} form={form} stationId={station.id} protocol={station.live.protocol} transactions={transactions} />
        ))}
      </SimpleGrid>
    </Paper>
  );
}
