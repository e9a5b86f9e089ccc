import type { QueryValue } from '../../api/client';
import type { ConnectorStatus, Protocol, RegistrationStatus } from './station-types';

/**
 * The stations list's filters, kept in the page address (`#/stations?q=CP&connected=true`) so a view can be shared:
 * read from the query string, written back to it, and turned into the `GET /stations` query.
 */
export interface StationFilters {
  q: string;
  connected: 'all' | 'yes' | 'no';
  protocol: Protocol | '';
  securityProfile: '' | '0' | '1' | '2' | '3';
  registrationStatus: RegistrationStatus | '';
  connectorStatus: ConnectorStatus | '';
  pageSize: PageSize;
}

export const pageSizes = [50, 100, 200, 500] as const;
export type PageSize = (typeof pageSizes)[number];

export const protocols: readonly Protocol[] = ['ocpp1.6', 'ocpp2.0.1', 'ocpp2.1'];
export const registrationStatuses: readonly RegistrationStatus[] = ['accepted', 'pending', 'rejected'];
export const connectorStatuses: readonly ConnectorStatus[] = ['Available', 'Occupied', 'Reserved', 'Unavailable', 'Faulted'];
const securityProfiles = ['0', '1', '2', '3'] as const;

export const defaultFilters: StationFilters = { q: '', connected: 'all', protocol: '', securityProfile: '', registrationStatus: '', connectorStatus: '', pageSize: 100 };

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Reads the filters from the address; anything unknown falls back to "no filter" rather than failing the page. */
export function filtersFromSearch(search: URLSearchParams): StationFilters {
  const size = Number(search.get('size'));
  return {
    q: (search.get('q') ?? '').slice(0, 100),
    connected: oneOf(search.get('connected'), ['all', 'yes', 'no'] as const, 'all'),
    protocol: oneOf(search.get('protocol'), protocols, '' as Protocol | ''),
    securityProfile: oneOf(search.get('securityProfile'), securityProfiles, '' as StationFilters['securityProfile']),
    registrationStatus: oneOf(search.get('registrationStatus'), registrationStatuses, '' as RegistrationStatus | ''),
    connectorStatus: oneOf(search.get('connectorStatus'), connectorStatuses, '' as ConnectorStatus | ''),
    pageSize: (pageSizes as readonly number[]).includes(size) ? (size as PageSize) : defaultFilters.pageSize,
  };
}

/** The address's query for these filters: only what differs from the defaults, so a plain list has a plain address. */
export function searchOfFilters(filters: StationFilters, keep: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const search = new URLSearchParams(keep);
  const entries: Array<[string, string, string]> = [
    ['q', filters.q.trim(), ''],
    ['connected', filters.connected, 'all'],
    ['protocol', filters.protocol, ''],
    ['securityProfile', filters.securityProfile, ''],
    ['registrationStatus', filters.registrationStatus, ''],
    ['connectorStatus', filters.connectorStatus, ''],
    ['size', String(filters.pageSize), String(defaultFilters.pageSize)],
  ];
  for (const [key, value, fallback] of entries) {
    if (value === fallback) search.delete(key);
    else search.set(key, value);
  }
  return search;
}

/** The `GET /stations` query: blanks are left out by the client, so a filter left empty asks for nothing. */
export function apiQueryOfFilters(filters: StationFilters): Record<string, QueryValue> {
  return {
    q: filters.q.trim() || undefined,
    connected: filters.connected === 'all' ? undefined : filters.connected === 'yes',
    protocol: filters.protocol || undefined,
    securityProfile: filters.securityProfile === '' ? undefined : Number(filters.securityProfile),
    registrationStatus: filters.registrationStatus || undefined,
    connectorStatus: filters.connectorStatus || undefined,
    limit: filters.pageSize,
  };
}

/** Whether any filter narrows the list (the empty state then says so instead of "no stations"). */
export function narrows(filters: StationFilters): boolean {
  const { pageSize: _pageSize, ...rest } = filters;
  const { pageSize: _defaultSize, ...defaults } = defaultFilters;
  return (Object.keys(rest) as Array<keyof typeof rest>).some((key) => rest[key] !== defaults[key]);
}
