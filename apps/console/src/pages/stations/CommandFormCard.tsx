import { Button, Card, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useConsole } from '../../auth/console-context';
import { ProblemAlert } from '../../components/ProblemAlert';
import { commandBodyOf, fieldsFor, initialValues, resolvedValues, type CommandForm } from './station-commands';
import type { CommandAnswer, Protocol } from './station-types';
import { CommandAnswerView } from './CommandAnswerView';
import type { TransactionOption } from './transaction-choice';
import { TransactionField } from './TransactionField';

/**
 * One command as a form: fill in, confirm when disruptive, send, and see the station's answer (status and body).
 * `transactions`: the station's active transactions, for a form that names one (remote stop).
 */
export function CommandFormCard({ form, stationId, protocol, transactions }: { form: CommandForm; stationId: string; protocol: Protocol | null; transactions: readonly TransactionOption[] }) {
  const { api } = useConsole();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>(() => initialValues(form));
  const [missing, setMissing] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState<{ body: Record<string, unknown>; text: string } | undefined>(undefined);
  const send = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<CommandAnswer>('connection', `/stations/${encodeURIComponent(stationId)}/commands/${form.name}`, body),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['connection', '/commands'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const sent = resolvedValues(form, values, transactions);
    const built = commandBodyOf(form, protocol, sent);
    if ('missing' in built) return setMissing(built.missing);
    setMissing(undefined);
    const text = form.confirm?.(sent);
    if (text) setConfirming({ body: built.body, text });
    else send.mutate(built.body);
  };
  return (
    <Card withBorder padding="sm">
      <form aria-label={form.title} onSubmit={submit}>
        <Stack gap={6}>
          <Text fw={600} size="sm">
            {form.title}
          </Text>
          {fieldsFor(form, protocol).map((field) => {
            const common = { label: field.label, description: field.description, size: 'xs' as const, required: field.required, value: values[field.name] ?? '' };
            const change = (value: string) => setValues((current) => ({ ...current, [field.name]: value }));
            if (field.kind === 'transaction') {
              return <TransactionField key={field.name} field={field} transactions={transactions} values={values} onChange={(name, value) => setValues((current) => ({ ...current, [name]: value }))} />;
            }
            return field.kind === 'select' ? (
              <NativeSelect key={field.name} {...common} data={[...(field.required ? [] : [{ value: '', label: 'Not set' }]), ...(field.options?.(protocol ?? 'ocpp2.0.1') ?? [])]} onChange={(event) => change(event.currentTarget.value)} />
            ) : (
              <TextInput key={field.name} {...common} inputMode={field.kind === 'number' ? 'numeric' : undefined} onChange={(event) => change(event.currentTarget.value)} />
            );
          })}
          {missing && (
            <Text size="xs" c="red" role="alert">
              Fill in: {missing}
            </Text>
          )}
          <Group justify="flex-end">
            <Button type="submit" size="xs" loading={send.isPending}>
              Send {form.title.toLowerCase()}
            </Button>
          </Group>
          <ProblemAlert error={send.error} title={`${form.title} failed`} />
          {send.data && <CommandAnswerView title={form.title} answer={send.data} />}
        </Stack>
      </form>
      <Modal opened={confirming !== undefined} onClose={() => setConfirming(undefined)} title={`${form.title} ${stationId}?`}>
        <Stack>
          <Text size="sm">{confirming?.text}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(undefined)}>
              Cancel
            </Button>
            <Button
              color="red"
              onClick={() => {
                if (confirming) send.mutate(confirming.body);
                setConfirming(undefined);
              }}
            >
              Confirm {form.title.toLowerCase()}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
