/** How the console writes times and quantities: one place, so every page reads alike. */
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : dateTime.format(date);
}

/** "12 s ago", "5 min ago", "3 h ago", "2 d ago", or "in 4 d" for the future. */
export function formatRelative(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return 'never';
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return 'never';
  const seconds = Math.round((now - at) / 1000);
  const magnitude = Math.abs(seconds);
  const [value, unit] =
    magnitude < 60 ? [magnitude, 's'] : magnitude < 3600 ? [Math.floor(magnitude / 60), 'min'] : magnitude < 86400 ? [Math.floor(magnitude / 3600), 'h'] : [Math.floor(magnitude / 86400), 'd'];
  return seconds >= 0 ? `${value} ${unit} ago` : `in ${value} ${unit}`;
}

/** A number with at most `digits` decimals and its unit: "7.4 kW", "16 A". */
export function formatQuantity(value: number | null | undefined, unit: string, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const rounded = Number(value.toFixed(digits));
  return `${rounded.toLocaleString('en-GB')} ${unit}`;
}
