import { ActionIcon, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useConsole } from '../../auth/console-context';
import { capabilities } from '../../auth/roles';
import { formatDateTime, formatRelative } from '../../components/format';
import { ActivateCaModal } from './ActivateCaModal';
import { caHierarchy, caRoleLabel, isIssuingCa, pemFileName, validityOf } from './authorities';
import { downloadText } from './download';
import { QueryState } from '../../components/QueryState';
import type { CertificateAuthority } from './types';
import { useCertificateAuthorities } from './use-pki-lists';
import { StatusBadge } from './StatusBadge';

const keyStorageLabels = { file: 'Encrypted file', pkcs11: 'HSM (PKCS#11)' } as const;

/** The CA hierarchy, root then its issuing CAs, with validity, key storage and which one signs; security officers switch the active one. */
export function AuthoritiesTab() {
  const { caller } = useConsole();
  const query = useCertificateAuthorities();
  const cas = query.data?.items ?? [];
  const rows = caHierarchy(cas);
  const activeOf = (role: CertificateAuthority['role']) => cas.find((ca) => ca.role === role && ca.active);
  const runsPki = capabilities.runsPki(caller);
  const [activating, setActivating] = useState<CertificateAuthority | undefined>(undefined);
  return (
    <Stack gap="sm">
      <QueryState query={query} label="certificate authorities" />
      {query.data && (
        <Text size="sm" c="dimmed">
          {cas.length === 0 ? 'No certificate authority yet: a security officer creates a root and a station issuing CA through the API.' : `${cas.length} certificate authorities.`}
        </Text>
      )}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label="Certificate authorities">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Subject</Table.Th>
                <Table.Th>Valid until</Table.Th>
                <Table.Th>Key</Table.Th>
                <Table.Th>Active</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ ca, depth }) => {
                const validity = validityOf(ca.notBefore, ca.notAfter);
                return (
                  <Table.Tr key={ca.id}>
                    <Table.Td style={{ paddingLeft: `calc(var(--table-horizontal-spacing, 0.75rem) + ${depth * 1.5}rem)` }}>
                      <Text size="sm" fw={depth === 0 ? 600 : 400}>
                        {depth > 0 ? '└ ' : ''}
                        {ca.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>{caRoleLabel(ca.role)}</Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace">
                        {ca.subject}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(ca.notAfter)}</Text>
                      <Text size="xs" c={validity === 'valid' ? 'dimmed' : 'red'}>
                        {validity === 'expired' ? `expired ${formatRelative(ca.notAfter)}` : validity === 'notYetValid' ? `valid from ${formatDateTime(ca.notBefore)}` : formatRelative(ca.notAfter)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{keyStorageLabels[ca.keyStorage] ?? ca.keyStorage}</Text>
                      <Text size="xs" c="dimmed">
                        {ca.keyAlgorithm}
                      </Text>
                    </Table.Td>
                    <Table.Td>{ca.active ? <StatusBadge color="green">Active</StatusBadge> : isIssuingCa(ca) ? <StatusBadge color="gray">Standby</StatusBadge> : '—'}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Tooltip label="Download certificate (PEM)">
                          <ActionIcon variant="default" aria-label={`Download PEM of ${ca.name}`} onClick={() => downloadText(pemFileName(ca), ca.certificatePem)}>
                            <span aria-hidden>⤓</span>
                          </ActionIcon>
                        </Tooltip>
                        {runsPki && isIssuingCa(ca) && !ca.active && validity === 'valid' && (
                          <Button size="xs" variant="light" onClick={() => setActivating(ca)} aria-label={`Activate ${ca.name}`}>
                            Activate
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ActivateCaModal ca={activating} currentlyActive={activating && activeOf(activating.role)} onClose={() => setActivating(undefined)} />
    </Stack>
  );
}
