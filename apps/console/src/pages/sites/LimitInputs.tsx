import { Fieldset, NumberInput, SimpleGrid } from '@mantine/core';
import type { FieldErrors, LimitFields } from './limit-form';

const phaseKeys = ['l1', 'l2', 'l3'] as const;

/** Per-phase amperes and a total in watts; `path` (`default`, `slots.0`) finds each input's error. */
export function LimitInputs({ legend, path, fields, errors, onChange }: { legend: string; path: string; fields: LimitFields; errors: FieldErrors; onChange: (fields: LimitFields) => void }) {
  const wholeError = errors[path] ?? errors[`${path}.perPhaseA`];
  return (
    <Fieldset legend={legend} variant="unstyled">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        {phaseKeys.map((key, index) => (
          <NumberInput
            key={key}
            label={`L${index + 1} (A)`}
            aria-label={`${legend}: L${index + 1} in A`}
            min={0}
            decimalScale={1}
            value={fields[key]}
            onChange={(value) => onChange({ ...fields, [key]: value })}
            error={errors[`${path}.perPhaseA.${index}`] ?? (index === 0 ? wholeError : undefined)}
          />
        ))}
        <NumberInput
          label="Total (W)"
          aria-label={`${legend}: total in W`}
          min={0}
          step={1000}
          value={fields.totalW}
          onChange={(value) => onChange({ ...fields, totalW: value })}
          error={errors[`${path}.totalW`]}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
