/** `n` valid debunk entries as JSON text, each with a distinct id. */
export function manyDebunksJson(n: number): string {
  const entries: string[] = [];
  for (let i = 0; i < n; i++) {
    entries.push(
      JSON.stringify({
        id: `rumor-${i}`,
        claim: `Claim number ${i} about garlic and 5G`,
        verdict: 'false',
        refutation: 'It is not true.',
        sources: [{ title: 'WHO', url: `https://www.who.int/${i}` }],
        lang: 'en',
        published: '2024-01-01',
      }),
    );
  }
  return `[${entries.join(',\n')}]`;
}

/** One entry holding `n` unknown keys, as JSON text. */
export function unknownKeysJson(n: number): string {
  const entry: Record<string, unknown> = { id: 'many-keys', claim: 'c', verdict: 'false', refutation: 'r', sources: [{ title: 't', url: 'https://a.example/' }], lang: 'en', published: '2024-01-01' };
  for (let i = 0; i < n; i++) entry[`extra_${i}`] = i;
  return JSON.stringify([entry], null, 1);
}

/**
 * Entries `from` … `to - 1` as an imported YAML file is written (rumorguard db import), each with
 * two variants, a refutation in two languages and a source: about 700 bytes an entry.
 */
export function debunksYaml(from: number, to: number): string {
  let out = `# ${to - from} entries\n\n`;
  for (let i = from; i < to; i++) {
    out +=
      `- id: rumor-${i}\n  claim: Claim number ${i} says garlic water cures 5G sickness overnight\n` +
      `  variants:\n    - Drinking garlic water every night number ${i} protects you from 5G\n    - 大蒜水第${i}号可以治疗5G病\n` +
      `  verdict: "false"\n  refutation:\n    en: There is no 5G sickness, and garlic water cures nothing of the kind; claim ${i} was checked by the WHO.\n` +
      `    zh: 不存在所谓的5G病，大蒜水也治不了任何此类疾病；第${i}号说法已由世卫组织核实。\n` +
      `  sources:\n    - title: WHO mythbusters\n      url: https://www.who.int/mythbusters/${i}\n  severity: medium\n  lang: en\n  published: 2024-01-01\n`;
  }
  return out;
}
