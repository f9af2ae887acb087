/**
 * Replaces `{name}` placeholders with the values given, each passed through `format` (to
 * neutralize or escape it); placeholders without a value stay as written, so a missing value is
 * visible rather than silently empty.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>, format: (value: string) => string = (v) => v): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, key: string) => (key in values ? format(String(values[key])) : placeholder));
}
