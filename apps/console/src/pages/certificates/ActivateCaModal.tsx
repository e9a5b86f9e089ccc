import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useConsole } from '../../auth/console-context';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { CertificateAuthority } from './types';

/**
 * Makes an issuing CA the one that signs its role's CSRs, after a confirmation: every new station certificate changes
 * issuer. Kept beside the table so the answer stays shown when the row loses its Activate button.
 */
export function ActivateCaModal({ ca, currentlyActive, onClose }: { ca: CertificateAuthority | undefined; currentlyActive?: CertificateAuthority; onClose: () => void }) {
  const { api } = useConsole();
  const queryClient = useQueryClient();
  const activation = useMutation({
    mutationFn: (caId: string) => api.post<CertificateAuthority>('pki', `/certificate-authorities/${encodeURIComponent(caId)}/activate`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pki'] }),
  });
  const dismiss = () => {
    onClose();
    activation.reset();
  };
  return (
    <Modal opened={ca !== undefined} onClose={dismiss} title={ca ? `Activate ${ca.name}?` : 'Activate'}>
      {ca && (
        <Stack gap="sm">
          {activation.data ? (
            <Alert color="green" title="Activated" role="status">
              {activation.data.name} is now the active issuing CA: it signs the next CSRs of its role.
            </Alert>
          ) : (
            <Text size="sm">
              From now on {ca.name} signs the new station certificates of its role.
              {currentlyActive ? ` ${currentlyActive.name} stops signing; what it issued stays valid.` : ''}
            </Text>
          )}
          <ProblemAlert error={activation.error} title="Activation failed" />
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss}>
              {activation.data ? 'Close' : 'Cancel'}
            </Button>
            {!activation.data && (
              <Button onClick={() => activation.mutate(ca.id)} loading={activation.isPending}>
                Activate {ca.name}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
