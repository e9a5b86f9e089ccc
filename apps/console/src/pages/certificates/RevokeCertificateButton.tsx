import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useConsole } from '../../auth/console-context';
import { formatDateTime } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { reasonLabels } from './issued';
import { REVOCATION_REASONS, type IssuedCertificate, type Revocation, type RevocationReason } from './types';

const reasonOptions = REVOCATION_REASONS.map((reason) => ({ value: reason, label: reasonLabels[reason] }));

/** Revokes one issued certificate for an RFC 5280 reason, confirmed in a dialog (revocation is final), then shows the PKI's answer. */
export function RevokeCertificateButton({ certificate }: { certificate: IssuedCertificate }) {
  const { api } = useConsole();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState<RevocationReason | null>(null);
  const revocation = useMutation({
    mutationFn: (chosen: RevocationReason) => api.post<Revocation>('pki', '/revocations', { serialNumber: certificate.serialNumber, caId: certificate.issuerCaId, reason: chosen }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pki'] }),
  });
  const dismiss = () => {
    close();
    setReason(null);
    revocation.reset();
  };
  const done = revocation.data;
  return (
    <>
      <Button size="xs" color="red" variant="light" onClick={open} aria-label={`Revoke certificate ${certificate.serialNumber}`}>
        Revoke
      </Button>
      <Modal opened={opened} onClose={dismiss} title="Revoke certificate">
        <Stack gap="sm">
          <Text size="sm">
            Serial <Text span ff="monospace">{certificate.serialNumber}</Text> of station {certificate.stationId} ({certificate.subject}).
          </Text>
          {done ? (
            <Alert color="green" title="Revoked" role="status">
              Revoked at {formatDateTime(done.revokedAt)} by {done.revokedBy}, reason {done.reason}. The CRL lists it until {formatDateTime(done.certificateNotAfter)}, and OCSP answers revoked.
            </Alert>
          ) : (
            <>
              <Alert color="orange" variant="light">
                Revocation is final: the station can no longer connect with this certificate (profile 3) and needs a new one.
              </Alert>
              <Select label="Reason (RFC 5280)" placeholder="Pick a reason" data={reasonOptions} value={reason} onChange={(value) => setReason(value as RevocationReason | null)} required comboboxProps={{ withinPortal: true }} />
            </>
          )}
          <ProblemAlert error={revocation.error} title="Revocation failed" />
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss}>
              {done ? 'Close' : 'Cancel'}
            </Button>
            {!done && (
              <Button color="red" disabled={!reason} loading={revocation.isPending} onClick={() => reason && revocation.mutate(reason)}>
                Revoke certificate
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
