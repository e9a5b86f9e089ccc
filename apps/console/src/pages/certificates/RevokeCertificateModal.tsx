import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useConsole } from '../../auth/console-context';
import { formatDateTime } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { reasonLabels } from './issued';
import { REVOCATION_REASONS, type IssuedCertificate, type Revocation, type RevocationReason } from './types';

const reasonOptions = REVOCATION_REASONS.map((reason) => ({ value: reason, label: reasonLabels[reason] }));

/**
 * Revokes one issued certificate for an RFC 5280 reason, confirmed in a dialog (revocation is final), then shows the
 * PKI's answer. It lives beside the table, not in the row: the revoked row loses its Revoke button, the answer stays.
 */
export function RevokeCertificateModal({ certificate, onClose }: { certificate: IssuedCertificate | undefined; onClose: () => void }) {
  const { api } = useConsole();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<RevocationReason | null>(null);
  const revocation = useMutation({
    mutationFn: ({ serialNumber, issuerCaId, reason }: IssuedCertificate & { reason: RevocationReason }) => api.post<Revocation>('pki', '/revocations', { serialNumber, caId: issuerCaId, reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pki'] }),
  });
  const dismiss = () => {
    onClose();
    setReason(null);
    revocation.reset();
  };
  const done = revocation.data;
  return (
    <Modal opened={certificate !== undefined} onClose={dismiss} title="Revoke certificate">
      {certificate && (
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
              <Button color="red" disabled={!reason} loading={revocation.isPending} onClick={() => reason && revocation.mutate({ ...certificate, reason })}>
                Revoke certificate
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
