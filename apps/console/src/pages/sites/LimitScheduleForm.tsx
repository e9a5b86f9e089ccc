import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/problem';
import { useConsole } from '../../auth/console-context';
import { ProblemAlert } from '../../components/ProblemAlert';
import { bodyOf, emptySlot, type FieldErrors, fieldErrorsOfApi, formOf, type LimitForm } from './limit-form';
import { formatLimit } from './limit-format';
import { LimitInputs } from './LimitInputs';
import { sitePaths } from './site-paths';
import type { ScheduleView } from './site-types';
import { SlotInputs } from './SlotInputs';

type Outcome = { kind: 'saved'; schedule: ScheduleView } | { kind: 'removed' };

/** The fields of one source's schedule on one node: save replaces it as a whole (with its version), remove deletes it after a confirmation. */
export function LimitScheduleForm({ siteId, nodeId, source, schedule }: { siteId: string; nodeId: string; source: string; schedule: ScheduleView | null }) {
  const { api } = useConsole();
  const client = useQueryClient();
  const [form, setForm] = useState<LimitForm>(() => formOf(schedule));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [confirming, setConfirming] = useState(false);
  // The version the next write replaces: the one loaded, then each one this form wrote (no remount, so the answer stays shown).
  const [version, setVersion] = useState(schedule?.version);
  const path = sitePaths.schedule(siteId, nodeId, source);
  const refresh = () => client.invalidateQueries({ queryKey: ['smartCharging'] });

  const save = useMutation({
    mutationFn: (body: unknown) => api.put<ScheduleView>('smartCharging', path, body),
    onSuccess: (saved) => {
      setOutcome({ kind: 'saved', schedule: saved });
      setVersion(saved.version);
      setErrors({});
      void refresh();
    },
    onError: (error) => setErrors(error instanceof ApiError && error.status === 400 ? fieldErrorsOfApi(error.errors).fields : {}),
  });
  const remove = useMutation({
    mutationFn: () => api.delete<void>('smartCharging', path, { version }),
    onSuccess: () => {
      setConfirming(false);
      setVersion(undefined);
      setOutcome({ kind: 'removed' });
      void refresh();
    },
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setOutcome(undefined);
    const { body, errors: local } = bodyOf(form, version);
    setErrors(local);
    if (Object.keys(local).length === 0) save.mutate(body);
  };

  return (
    <form onSubmit={submit} aria-label={`Limit schedule of source ${source}`} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {schedule ? `Version ${schedule.version}, last changed by ${schedule.updatedBy}.` : 'This source has no schedule on this node yet.'} Leave a limit empty for none.
        </Text>
        <LimitInputs legend="Default limit" path="default" fields={form.default} errors={errors} onChange={(fields) => setForm({ ...form, default: fields })} />
        {form.slots.map((slot, index) => (
          <SlotInputs
            key={index}
            index={index}
            slot={slot}
            errors={errors}
            onChange={(changed) => setForm({ ...form, slots: form.slots.map((current, at) => (at === index ? changed : current)) })}
            onRemove={() => setForm({ ...form, slots: form.slots.filter((_, at) => at !== index) })}
          />
        ))}
        {save.isError && <ProblemAlert error={save.error} title="The schedule was not saved" />}
        {remove.isError && <ProblemAlert error={remove.error} title="The schedule was not removed" />}
        {outcome?.kind === 'saved' && (
          <Alert color="green" title="Saved" role="status">
            {source} on {outcome.schedule.nodeId}: default {formatLimit(outcome.schedule.default)}, {outcome.schedule.slots.length} slot(s), version {outcome.schedule.version}.
          </Alert>
        )}
        {outcome?.kind === 'removed' && (
          <Alert color="green" title="Removed" role="status">
            The {source} schedule no longer limits this node.
          </Alert>
        )}
        <Group justify="space-between">
          <Button variant="default" onClick={() => setForm({ ...form, slots: [...form.slots, emptySlot()] })}>
            Add slot
          </Button>
          <Group gap="xs">
            {version !== undefined && (
              <Button variant="outline" color="red" onClick={() => setConfirming(true)}>
                Remove schedule
              </Button>
            )}
            <Button type="submit" loading={save.isPending}>
              Save schedule
            </Button>
          </Group>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={`Remove the ${source} schedule?`}>
        <Stack>
          <Text size="sm">The {source} source will no longer limit this node; the site is planned again at once.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              Remove
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}
