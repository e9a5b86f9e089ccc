/** OCPP-J: errorDescription is at most 255 characters. */
export const MAX_ERROR_DESCRIPTION_LENGTH = 255;

/** Length in Unicode code points, counting no further than `limit + 1`. */
export function codePointLength(text: string, limit = Number.MAX_SAFE_INTEGER): number {
  if (text.length <= limit) return [...text].length;
  let count = 0;
  for (const _ of text) {
    count += 1;
    if (count > limit) break;
  }
  return count;
}

/** Cuts `text` to at most 255 characters without splitting a surrogate pair; marks the cut with "…". */
export function truncateDescription(text: string): string {
  if (codePointLength(text, MAX_ERROR_DESCRIPTION_LENGTH) <= MAX_ERROR_DESCRIPTION_LENGTH) return text;
  return `${[...text].slice(0, MAX_ERROR_DESCRIPTION_LENGTH - 1).join('')}…`;
}
