/** The REST APIs' list shape: newest first, with an opaque cursor to the next page. */
export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}
