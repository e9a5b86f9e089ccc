import { LineChart } from '@mantine/charts';
import { Loader, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useConsole } from '../../auth/console-context';
import { formatQuantity } from '../../components/format';
import { LIVE_REFRESH_MS } from '../../components/live';
import { ProblemAlert } from '../../components/ProblemAlert';
import { chartTimeLabel, meterPointsOf, meterSummaryOf } from './meter-series';
import type { TransactionDetail } from './station-types';

// Enough for a long session sampled every minute; the API allows up to 10,000.
const SAMPLES = 5000;

/** Power (kW, left axis) and energy (kWh, right axis) of one transaction over time, refreshed while it is active. */
export function TransactionMeterChart({ stationId, transactionId }: { stationId: string; transactionId: string }) {
  const { api } = useConsole();
  const transaction = useQuery({
    queryKey: ['connection', `/transactions/${transactionId}`, stationId],
    queryFn: ({ signal }) => api.get<TransactionDetail>('connection', `/transactions/${encodeURIComponent(transactionId)}`, { stationId, samples: SAMPLES }, signal),
    refetchInterval: (query) => (query.state.data?.state === 'ended' ? false : LIVE_REFRESH_MS),
  });
  const points = useMemo(() => meterPointsOf(transaction.data?.meterSamples ?? []), [transaction.data]);
  const data = useMemo(() => points.map((point) => ({ ...point, time: chartTimeLabel(point.at) })), [points]);
  const summary = meterSummaryOf(points);
  return (
    <Paper withBorder p="sm">
      <Title order={2} size="h5" mb="xs">
        Meter values of transaction {transactionId}
      </Title>
      <ProblemAlert error={transaction.error} title="The meter values could not be loaded" />
      {transaction.isPending && <Loader size="sm" aria-label="Loading meter values" />}
      {transaction.data && (
        <>
          <Text size="sm" role="status" aria-label="Meter summary">
            {summary.count === 0
              ? 'No power or energy samples yet.'
              : `${summary.count} point${summary.count === 1 ? '' : 's'}; latest power ${formatQuantity(summary.lastPowerKw, 'kW', 2)}, energy ${formatQuantity(summary.lastEnergyKwh, 'kWh', 3)}.`}
            {transaction.data.meterSampleCount > SAMPLES ? ` Showing the first ${SAMPLES} of ${transaction.data.meterSampleCount} samples.` : ''}
          </Text>
          {summary.count > 0 && (
            <div role="img" aria-label={`Power and energy of transaction ${transactionId} over time`}>
              <LineChart
                h={260}
                mt="sm"
                data={data}
                dataKey="time"
                withLegend
                withRightYAxis
                connectNulls
                yAxisLabel="kW"
                rightYAxisLabel="kWh"
                series={[
                  { name: 'powerKw', label: 'Power (kW)', color: 'blue.6' },
                  { name: 'energyKwh', label: 'Energy (kWh)', color: 'teal.6', yAxisId: 'right' },
                ]}
              />
            </div>
          )}
        </>
      )}
    </Paper>
  );
}
