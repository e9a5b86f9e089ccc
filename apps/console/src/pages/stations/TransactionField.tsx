import { NativeSelect, TextInput } from '@mantine/core';
import { OTHER_TRANSACTION, selectedTransaction, type TransactionOption, typedKeyOf } from './transaction-choice';
import type { CommandField } from './station-commands';

/**
 * A command's transaction: a select of the station's active transactions, with "another id" to type one the list
 * does not hold (the API passes any id to the station). With no active transaction, typing is the only way.
 */
export function TransactionField({
  field,
  transactions,
  values,
  onChange,
}: {
  field: CommandField;
  transactions: readonly TransactionOption[];
  values: Readonly<Record<string, string>>;
  onChange: (name: string, value: string) => void;
}) {
  const selected = selectedTransaction(values[field.name], transactions);
  const typedKey = typedKeyOf(field.name);
  return (
    <>
      <NativeSelect
        label="Transaction"
        description={transactions.length === 0 ? 'No active transaction listed: type its id' : 'The station’s active transactions'}
        size="xs"
        value={selected}
        data={[...transactions, { value: OTHER_TRANSACTION, label: 'Another transaction id…' }]}
        onChange={(event) => onChange(field.name, event.currentTarget.value)}
      />
      {selected === OTHER_TRANSACTION && (
        <TextInput label={field.label} size="xs" required={field.required} value={values[typedKey] ?? ''} onChange={(event) => onChange(typedKey, event.currentTarget.value)} />
      )}
    </>
  );
}
