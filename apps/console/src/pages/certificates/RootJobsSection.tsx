import { Button, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useCursorPages } from '../../api/use-cursor-pages';
import { useConsole } from '../../auth/console-context';
import { capabilities } from '../../auth/roles';
import { CursorPager } from '../../components/CursorPager';
import { formatDateTime } from '../../components/format';
import { LIVE_REFRESH_MS, SLOW_REFRESH_MS } from '../../components/live';
import { countsText, isRunning, jobProgress } from './jobs';
import { ListTable } from '../../components/ListTable';
import { RootJobDetailPanel } from './RootJobDetailPanel';
import { StartRootJobForm } from './StartRootJobForm';
import type { RootJob } from './types';
import { StatusBadge } from './StatusBadge';

const jobStatusColors: Readonly<Record<RootJob['status'], string>> = { running: 'blue', done: 'green', partiallyFailed: 'orange' };

/** Root distribution jobs, newest first, with their progress; one opens with every station's outcome and answer. */
export function RootJobsSection() {
  const { caller } = useConsole();
  const [jobId, setJobId] = useState<string | undefined>(undefined);
  // Jobs poll slowly (ADR 049) unless one on the page runs: then its stations' answers come in within seconds.
  const [anyRunning, setAnyRunning] = useState(false);
  const pages = useCursorPages<RootJob>('pki', '/root-distribution-jobs', {}, anyRunning ? LIVE_REFRESH_MS : SLOW_REFRESH_MS);
  const items = pages.query.data?.items ?? [];
  const running = items.some(isRunning);
  if (running !== anyRunning) setAnyRunning(running);
  return (
    <Stack gap="sm" component="section" aria-label="Root distribution jobs">
      <Title order={2} size="h4">
        Root distribution jobs
      </Title>
      {capabilities.runsPki(caller) && <StartRootJobForm onStarted={setJobId} />}
      {jobId && <RootJobDetailPanel jobId={jobId} onClose={() => setJobId(undefined)} />}
      <ListTable
        label="Root distribution jobs"
        what="root distribution jobs"
        query={pages.query}
        items={items}
        empty="No root distribution job yet."
        headers={['Started', 'Kind', 'Certificate', 'Status', 'Progress', 'By', 'Actions']}
        minWidth={900}
        row={(job) => {
          const progress = jobProgress(job.counts);
          return (
            <Table.Tr key={job.id}>
              <Table.Td>{formatDateTime(job.createdAt)}</Table.Td>
              <Table.Td>{job.kind}</Table.Td>
              <Table.Td>
                <Text size="sm">{job.certificateType}</Text>
                {job.subject && (
                  <Text size="xs" c="dimmed">
                    {job.subject}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge color={jobStatusColors[job.status] ?? 'gray'}>
                  {job.status}
                </StatusBadge>
                <Text size="xs" c="dimmed">
                  {job.phase}
                </Text>
              </Table.Td>
              <Table.Td miw={180}>
                <Progress value={progress.percent} aria-label={`Progress of the job started ${formatDateTime(job.createdAt)}`} size="sm" />
                <Text size="xs">{countsText(job.counts)}</Text>
              </Table.Td>
              <Table.Td>{job.createdBy}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="light" onClick={() => setJobId(job.id)} aria-label={`Stations of the job started ${formatDateTime(job.createdAt)}`}>
                  Stations
                </Button>
              </Table.Td>
            </Table.Tr>
          );
        }}
      />
      <CursorPager pages={pages} label="root distribution jobs" />
    </Stack>
  );
}
