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
