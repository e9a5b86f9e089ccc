import { CompositeChart, type CompositeChartSeries } from '@mantine/charts';
import { Card, Group, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { chartRows, hasPowerLimit, historyRanges, historySummary, latestFigures, type HistoryRange, tickLabel, timeTicks } from './draw-history';
import { useDrawHistory } from './use-draw-history';

/** The tooltip's title; recharts may hand over a value that is not a time (e.g. while data change). */
const clock = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? tickLabel(value, [0, 1]) : '');

const phaseColors = ['blue', 'orange', 'teal'] as const;

// The draw of each phase as an area, its limit as a dashed line of the same colour.
const series: CompositeChartSeries[] = phaseColors.flatMap((color, index) => [
  { name: `drawL${index + 1}`, label: `Draw L${index + 1}`, color: `${color}.5`, type: 'area' as const },
  { name: `limitL${index + 1}`, label: `Limit L${index + 1}`, color: `${color}.9`, type: 'line' as const, strokeDasharray: '6 4' },
]);

// A power (W) limit in kW on its own right axis: amperes per phase would need the voltage, which the history does not hold.
const powerSeries: CompositeChartSeries = { name: 'limitKW', label: 'Power limit (kW)', color: 'grape.8', type: 'line', yAxisId: 'right', strokeDasharray: '2 3' };
const withPower = [...series, powerSeries];

/** Limit and draw per phase of a node over the last hours, live, with a summary of the values now in words. */
export function DrawChart({ siteId, nodeId, nodeLabel }: { siteId: string; nodeId: string; nodeLabel: string }) {
  const [range, setRange] = useState<HistoryRange>('1h');
  const history = useDrawHistory(siteId, nodeId, range);
  const rows = useMemo(() => chartRows(history.points), [history.points]);
  // A time axis over the whole range chosen, so new samples extend the chart at the right and the range stays put.
  const ticks = useMemo(() => timeTicks(history.from, history.to), [history.from, history.to]);
  const summary = historySummary(latestFigures(history, history.points));
  const power = useMemo(() => hasPowerLimit(history.points), [history.points]);
  const chartLabel = `Limit and draw per phase of ${nodeLabel}`;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            Limit and draw
          </Title>
          <SegmentedControl
            size="xs"
            aria-label="Chart range"
            value={range}
            onChange={(value) => setRange(value as HistoryRange)}
            data={historyRanges.map(({ value, label }) => ({ value, label }))}
          />
        </Group>
        {history.error !== undefined && <ProblemAlert error={history.error} title="The history could not be loaded" />}
        <figure aria-label={chartLabel} style={{ margin: 0 }}>
          {!history.loaded ? (
            <Skeleton h={260} />
          ) : (
            <CompositeChart
              h={260}
              data={rows}
              dataKey="time"
              series={power ? withPower : series}
              withDots={false}
              curveType="linear"
              withLegend
              // With two axes, a unit for all series would call kW amperes: the axes say which is which instead.
              {...(power ? { withRightYAxis: true, yAxisLabel: 'A', rightYAxisLabel: 'kW' } : { unit: ' A' })}
              xAxisProps={{ type: 'number', scale: 'time', domain: [history.from, history.to], ticks, tickFormatter: (value: number) => tickLabel(value, ticks) }}
              lineProps={{ isAnimationActive: false }}
              areaProps={{ isAnimationActive: false, fillOpacity: 0.25 }}
              tooltipProps={{ labelFormatter: clock }}
            />
          )}
          <Text component="figcaption" size="sm" aria-live="polite" data-testid="chart-summary">
            {history.loaded ? summary : 'Loading the history…'}
          </Text>
        </figure>
        {history.loaded && history.points.length === 0 && (
          <Text size="sm" c="dimmed">
            No samples in this range yet: the service samples every node every few seconds while it plans the site.
          </Text>
        )}
      </Stack>
    </Card>
  );
}
