import type { OcppVersion } from '@app/ocpp';
import type { ListLimits } from './local-list.plan';

// The station's local-list limits, read with the neutral get_configuration command: 1.6
// configuration keys, 2.0.1 LocalAuthListCtrlr variables. 2.0.1 gives the number of entries a
// station holds only as the maxLimit characteristic of LocalAuthListCtrlr.Entries, which
// GetVariables cannot read: the total is then not checked, and the station answers Failed if full.

/** Entries per SendLocalList when the station does not say: small enough for any station we know. */
export const DEFAULT_ITEMS_PER_MESSAGE = 20;

interface LimitKeys {
  readonly items: string;
  readonly bytes?: string;
  readonly total?: string;
}

export const limitKeys: Readonly<Record<OcppVersion, LimitKeys>> = {
  '1.6': { items: 'SendLocalListMaxLength', total: 'LocalAuthListMaxLength' },
  '2.0.1': { items: 'LocalAuthListCtrlr/ItemsPerMessage', bytes: 'LocalAuthListCtrlr/BytesPerMessage' },
};

export function limitKeysOf(version: OcppVersion): string[] {
  const keys = limitKeys[version];
  return [keys.items, keys.bytes, keys.total].filter((key): key is string => key !== undefined);
}

function positive(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  const number = Number(value);
  return number > 0 ? number : undefined;
}

/** The limits in a get_configuration answer's settings; defaults for what the station did not tell. */
export function limitsFrom(version: OcppVersion, settings: readonly { key: string; value?: string }[]): ListLimits {
  const keys = limitKeys[version];
  const valueOf = (key: string | undefined) => (key === undefined ? undefined : positive(settings.find((setting) => setting.key === key)?.value));
  const bytesPerMessage = valueOf(keys.bytes);
  const maxEntries = valueOf(keys.total);
  return {
    itemsPerMessage: valueOf(keys.items) ?? DEFAULT_ITEMS_PER_MESSAGE,
    ...(bytesPerMessage === undefined ? {} : { bytesPerMessage }),
    ...(maxEntries === undefined ? {} : { maxEntries }),
  };
}
