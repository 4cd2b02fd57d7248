const DAY_MS = 86_400_000;
const dayCache = new Map<number, string>();

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * Renders epoch milliseconds as ISO-8601 UTC without fractional seconds ('2026-11-30T12:00:00Z').
 * The date part is cached per day: a 100k-order world formats ~1M instants.
 */
export function isoSeconds(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let date = dayCache.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayCache.size > 10_000) dayCache.clear();
    dayCache.set(day, date);
  }

  const secondsOfDay = Math.floor((ms - day * DAY_MS) / 1000);
  const hours = Math.floor(secondsOfDay / 3600);
  const minutes = Math.floor((secondsOfDay % 3600) / 60);
  return `${date}T${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(secondsOfDay % 60)}Z`;
}

/**
 * Parses an ISO-8601 instant to epoch milliseconds.
 *
 * @throws Error naming the value when it is not a valid date.
 */
export function parseIso(value: string, what = 'date'): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`Invalid ISO-8601 ${what}: '${value}'`);
  return ms;
}
