import type { TransactionView } from './station-types';

/** One transaction a command form offers: its id and how an operator tells it from the others. */
export interface TransactionOption {
  value: string;
  label: string;
}

/**
 * The select's "another id" choice: the API passes any id to the station (it may know a transaction the CSMS has
 * not heard of yet, e.g. one started offline), so a typed id stays possible. Empty: no transaction id is empty.
 */
export const OTHER_TRANSACTION = '';

/** Where the typed id of a transaction field is kept among the form's values. */
export function typedKeyOf(fieldName: string): string {
  return `${fieldName}.typed`;
}

/** The active transactions of those listed (newest first, as the API lists them), as options: id, EVSE and id token. */
export function activeTransactionOptions(transactions: readonly TransactionView[] | undefined): TransactionOption[] {
  return (transactions ?? [])
    .filter((transaction) => transaction.state === 'active')
    .map((transaction) => {
      const details = [transaction.evseId === null ? undefined : `EVSE ${transaction.evseId}`, transaction.idToken ?? undefined].filter((detail) => detail !== undefined);
      return { value: transaction.transactionId, label: details.length > 0 ? `${transaction.transactionId} (${details.join(', ')})` : transaction.transactionId };
    });
}

/** The select's value: what the operator picked while it is still offered (or "another id"), else the newest active one, else "another id". */
export function selectedTransaction(picked: string | undefined, options: readonly TransactionOption[]): string {
  if (picked !== undefined && (picked === OTHER_TRANSACTION || options.some((option) => option.value === picked))) return picked;
  return options[0]?.value ?? OTHER_TRANSACTION;
}

/** The id a transaction field sends: the one selected, or the one typed under "another id". */
export function transactionIdOf(fieldName: string, values: Readonly<Record<string, string>>, options: readonly TransactionOption[]): string {
  const selected = selectedTransaction(values[fieldName], options);
  return selected === OTHER_TRANSACTION ? (values[typedKeyOf(fieldName)] ?? '') : selected;
}

/** The transaction the meter chart shows when the operator picked none: the current (newest active) one, else the most recent. */
export function chartTransactionOf(transactions: readonly TransactionView[] | undefined): string | undefined {
  return (transactions?.find((transaction) => transaction.state === 'active') ?? transactions?.[0])?.transactionId;
}
