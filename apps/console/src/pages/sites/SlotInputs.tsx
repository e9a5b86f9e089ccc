import { ActionIcon, Group, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { FieldErrors, SlotFields } from './limit-form';
import { LimitInputs } from './LimitInputs';

/** One time slot of the editor: when it starts, how long, and its limit. */
export function SlotInputs({ index, slot, errors, onChange, onRemove }: { index: number; slot: SlotFields; errors: FieldErrors; onChange: (slot: SlotFields) => void; onRemove: () => void }) {
  const path = `slots.${index}`;
  const name = `Slot ${index + 1}`;
  return (
    <Paper withBorder p="xs">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            {name}
          </Text>
          <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={`Remove ${name.toLowerCase()}`}>
            ×
          </ActionIcon>
        </Group>
        <Group grow align="flex-start">
          <TextInput
            type="datetime-local"
            step={1}
            label="Starts"
            aria-label={`${name}: starts`}
            value={slot.start}
            onChange={(event) => onChange({ ...slot, start: event.currentTarget.value })}
            error={errors[`${path}.start`]}
          />
          <NumberInput
            label="Duration (min)"
            aria-label={`${name}: duration in minutes`}
            min={0}
            value={slot.durationMin}
            onChange={(value) => onChange({ ...slot, durationMin: value })}
            error={errors[`${path}.durationS`]}
          />
        </Group>
        <LimitInputs legend={`${name} limit`} path={path} fields={slot} errors={errors} onChange={(fields) => onChange({ ...slot, ...fields })} />
      </Stack>
    </Paper>
  );
}
