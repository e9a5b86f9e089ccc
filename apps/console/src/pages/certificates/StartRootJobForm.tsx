import { Alert, Button, Card, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useConsole } from '../../auth/console-context';
import { ProblemAlert } from '../../components/ProblemAlert';
import { validityOf } from './authorities';
import { countsText, parseStationIds } from './jobs';
import { ROOT_CERTIFICATE_TYPES, type CertificateAuthority, type RootJobDetail } from './types';
import { useCertificateAuthorities } from './use-pki-lists';

const typeOfRole = (role: CertificateAuthority['role']) => (role === 'v2gRoot' ? 'V2GRootCertificate' : 'CSMSRootCertificate');

/** Security officers: install one of our roots on chosen stations or on every station the PKI has seen. */
export function StartRootJobForm({ onStarted }: { onStarted: (jobId: string) => void }) {
  const { api } = useConsole();
  const queryClient = useQueryClient();
  const roots = (useCertificateAuthorities().data?.items ?? []).filter((ca) => (ca.role === 'root' || ca.role === 'v2gRoot') && validityOf(ca.notBefore, ca.notAfter) === 'valid');
  const [caId, setCaId] = useState<string | null>(null);
  const [certificateType, setCertificateType] = useState<string | null>(null);
  const [target, setTarget] = useState<'chosen' | 'all'>('chosen');
  const [stationText, setStationText] = useState('');
  const root = roots.find((ca) => ca.id === caId);
  const stationIds = parseStationIds(stationText);
  const start = useMutation({
    mutationFn: () =>
      api.post<RootJobDetail>('pki', '/root-distribution-jobs', {
        kind: 'install',
        certificateType: certificateType ?? (root ? typeOfRole(root.role) : 'CSMSRootCertificate'),
        certificatePem: root?.certificatePem,
        ...(target === 'all' ? { allStations: true } : { stationIds }),
      }),
    onSuccess: (job) => {
      void queryClient.invalidateQueries({ queryKey: ['pki'] });
      onStarted(job.id);
    },
  });
  const ready = Boolean(root) && (target === 'all' || stationIds.length > 0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) start.mutate();
  };
  return (
    <Card withBorder padding="md" component="form" aria-label="Start a root distribution job" onSubmit={submit}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          Install a root certificate on stations
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Root CA" placeholder="Pick a root" data={roots.map((ca) => ({ value: ca.id, label: ca.name }))} value={caId} onChange={setCaId} required />
          <Select
            label="Certificate type"
            data={[...ROOT_CERTIFICATE_TYPES]}
            value={certificateType ?? (root ? typeOfRole(root.role) : null)}
            onChange={setCertificateType}
            placeholder="From the root's role"
            allowDeselect={false}
          />
        </SimpleGrid>
        <SegmentedControl
          aria-label="Stations to reach"
          value={target}
          onChange={(value) => setTarget(value === 'all' ? 'all' : 'chosen')}
          data={[
            { value: 'chosen', label: 'Chosen stations' },
            { value: 'all', label: 'All stations' },
          ]}
        />
        {target === 'chosen' ? (
          <Textarea label="Station ids" description="Separated by commas, spaces or new lines" autosize minRows={2} value={stationText} onChange={(event) => setStationText(event.currentTarget.value)} />
        ) : (
          <Text size="sm">Every station the PKI has seen connecting.</Text>
        )}
        <ProblemAlert error={start.error} title="The job was not started" />
        {start.data && (
          <Alert color="green" role="status" title="Job started">
            {start.data.stations.length} stations: {countsText(start.data.counts)}.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" disabled={!ready} loading={start.isPending}>
            Start root distribution
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
