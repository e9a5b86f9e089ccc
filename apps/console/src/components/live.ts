/** How often lists and charts poll their API while shown: the APIs are plain REST, and a few seconds is live enough. */
export const LIVE_REFRESH_MS = 5000;
/** Slower-moving things (certificates, CAs, jobs). */
export const SLOW_REFRESH_MS = 15000;
