import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useConsole } from '../../auth/console-context';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { CertificateAuthority } from './types';

/** Makes an issuing CA the one that signs its role's CSRs, after a confirmation: every new station certificate changes issuer. */
export function ActivateCaButton({ ca, currentlyActive }: { ca: CertificateAuthority; currentlyActive?: CertificateAuthority }) {
  const { api } = useConsole();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const activation = useMutation({
    mutationFn: () => api.post<CertificateAuthority>('pki', `/certificate-authorities/${encodeURIComponent(ca.id)}/activate`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pki'] }),
  });
  const dismiss = () => {
    close();
    activation.reset();
  };
  return (
    <>
      <Button size="xs" variant="light" onClick={open} aria-label={`Activate ${ca.name}`}>
        Activate
      </Button>
      <Modal opened={opened} onClose={dismiss} title={`Activate ${ca.name}?`}>
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
              <Button onClick={() => activation.mutate()} loading={activation.isPending}>
                Activate {ca.name}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
