/** Units accepted in durations such as "90m", "1h", "30d". */
const UNITS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^(\d{1,6})\s*(s|m|h|d)$/;

/** Parses "1h" / "24h" / "30m" / "7d" into milliseconds; undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * UNITS[m[2] as keyof typeof UNITS];
}

/** Writes milliseconds back in the largest whole unit: 3_600_000 → "1h". */
export function formatDuration(ms: number): string {
  for (const [unit, size] of [['d', UNITS.d], ['h', UNITS.h], ['m', UNITS.m]] as const) {
    if (ms % size === 0 && ms >= size) return `${ms / size}${unit}`;
  }
  return `${Math.round(ms / 1000)}s`;
}
