import type { Debunk } from '../../src/debunks/schema.js';

/** A complete debunk with the defaults the schema would fill in; override what a test needs. */
export function debunk(fields: Pick<Debunk, 'id' | 'claim' | 'lang'> & Partial<Debunk>): Debunk {
  return {
    variants: [],
    verdict: 'false',
    refutation: 'Fact-checkers found no evidence for this claim.',
    sources: [{ title: 'Fact check', url: `https://factcheck.example.org/${fields.id}` }],
    tags: [],
    severity: 'medium',
    published: '2024-01-15',
    example: false,
    ...fields,
  };
}

/**
 * A small database: the rumors the tests aim at, plus entries sharing their vocabulary
 * (5G, hot water, Bill Gates, Shanghai, vaccines) so that a match has to beat a near-miss.
 */
export const DEBUNKS = {
  fiveG: debunk({
    id: '5g-coronavirus',
    claim: '5G towers spread the coronavirus',
    variants: ['5G radiation causes COVID-19 symptoms', '5G基站传播新冠病毒'],
    refutation:
      'Viruses cannot travel on radio waves or mobile networks. COVID-19 spread in many countries that have no 5G network.',
    sources: [
      { title: 'WHO mythbusters', url: 'https://www.who.int/emergencies/diseases/novel-coronavirus-2019/advice-for-public/myth-busters' },
      { title: 'Full Fact', url: 'https://fullfact.org/health/5g-coronavirus/' },
    ],
    tags: ['5g', 'covid'],
    lang: 'en',
  }),
  hotWater: debunk({
    id: 'hot-water-kills-covid',
    claim: '喝热水可以杀死新冠病毒',
    variants: ['多喝热水能预防新冠肺炎'],
    refutation: '喝热水无法杀死体内的病毒，也不能预防新冠肺炎，请以卫生部门的防护指引为准。',
    sources: [{ title: '中国互联网联合辟谣平台', url: 'https://www.piyao.org.cn/2020-02/hot-water.html' }],
    lang: 'zh',
  }),
  abandonedGirl: debunk({
    id: 'shanghai-beach-girl',
    claim: '上海海滩走失女童是被父亲故意遗弃的',
    refutation: '警方通报：女童系与家人走散，已被安全找回，不存在遗弃情况。',
    sources: [{ title: '上海警方通报', url: 'https://police.example.cn/notice/2024-07-01' }],
    lang: 'zh',
  }),
  gatesEmail: debunk({
    id: 'bill-gates-email',
    claim: 'Bill Gates will pay you for forwarding this email',
    variants: ['Microsoft pays $1000 to everyone who forwards this message'],
    verdict: 'false',
    refutation:
      'Microsoft has never paid anyone for forwarding email. No software can count forwarded messages this way; the chain letter dates from 1997.',
    sources: [{ title: 'Snopes', url: 'https://www.snopes.com/fact-check/bill-gates-email/' }],
    lang: 'en',
  }),
  vaccineMicrochip: debunk({
    id: 'vaccine-microchip',
    claim: 'COVID vaccines contain microchips to track people',
    variants: ['新冠疫苗里有追踪芯片'],
    refutation: 'Vaccine ingredients are public; a microchip cannot pass through a vaccine needle or transmit location.',
    sources: [{ title: 'Reuters Fact Check', url: 'https://www.reuters.com/article/factcheck-vaccine-microchip' }],
    lang: 'en',
  }),
  saltIodine: debunk({
    id: 'salt-radiation',
    claim: '吃碘盐可以防辐射',
    refutation: '普通碘盐的碘含量很低，吃盐不能防辐射，过量吃盐反而有害健康。',
    sources: [{ title: '辟谣平台', url: 'https://www.piyao.org.cn/2023-08/salt.html' }],
    lang: 'zh',
  }),
  // Near-misses: the same topics, other claims.
  fiveGBirds: debunk({
    id: '5g-kills-birds',
    claim: '5G tests killed hundreds of birds in a park',
    refutation: 'The birds died months before any 5G test in the area.',
    sources: [{ title: 'Full Fact', url: 'https://fullfact.org/online/5g-birds/' }],
    lang: 'en',
  }),
  gatesPopulation: debunk({
    id: 'gates-depopulation',
    claim: 'Bill Gates wants to reduce the world population with vaccines',
    refutation: 'Gates spoke of lowering population growth through better health care, not of killing anyone.',
    sources: [{ title: 'AFP Fact Check', url: 'https://factcheck.afp.com/gates-population' }],
    lang: 'en',
  }),
  shanghaiLockdown: debunk({
    id: 'shanghai-lockdown',
    claim: '上海明天开始全城封控',
    refutation: '上海市政府未发布任何全城封控通知。',
    sources: [{ title: '上海发布', url: 'https://www.shanghai.example.cn/notice/no-lockdown' }],
    lang: 'zh',
  }),
  hotWaterCancer: debunk({
    id: 'hot-water-cancer',
    claim: '隔夜开水喝了会致癌',
    refutation: '隔夜开水中的亚硝酸盐含量远低于安全标准，不会致癌。',
    sources: [{ title: '科普中国', url: 'https://www.kepuchina.example.cn/overnight-water' }],
    lang: 'zh',
  }),
} as const satisfies Record<string, Debunk>;

export const ALL_DEBUNKS: readonly Debunk[] = Object.values(DEBUNKS);
