/**
 * A count or a page as an admin writes it ("2", "10"); anything else ("abc", "0x10", "1.5", "1e1",
 * "-1") is NaN. Number() alone took "0x10" as 16 and "" as 0.
 */
export function wholeNumber(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}
