import { EN_PLACES } from './englishRumors.js';
import { ZH_PLACES } from './chineseRumors.js';
import type { Random } from './random.js';
import { fill } from './rumorKind.js';

/**
 * Ordinary group chat. It deliberately shares words with the rumors (cities, doctors, food, shops, apps)
 * so a matcher that fires on topic words alone shows up in the false-act column.
 */

const EN_SHORT = [
  'ok', 'lol', 'thanks!', 'see you', '👍', 'haha', 'yes', 'no', 'good night', 'brb', 'same', 'what time?', 'k',
  'really?', 'omg', 'nice', 'on my way', '😂😂', 'sure', 'congrats!',
] as const;
const ZH_SHORT = [
  '好的', '真的吗', '哈哈哈', '收到', '谢谢', '晚安', '嗯嗯', '？', '在吗', '好', '👌', '辛苦了', '来了', '可以',
  '哈哈', '知道了', '早', '666',
] as const;

const EN_SENTENCES = [
  'are we still meeting at {place} at {hour}?', 'did anyone watch the game last night?',
  'my doctor told me to drink more water and sleep earlier.', 'the weather in {city} is crazy today.',
  'can someone send me the photos from the party?', 'I bought {food} at {store}, it was on sale.',
  'happy birthday {name}! 🎂', 'traffic on the way to {city} is terrible this morning.',
  'who is picking up the kids on {weekday}?', 'my phone battery dies so fast since the update.',
  'the new {app} update moved all the buttons again.', 'mum is visiting {city} next week with {name}.',
  'does anyone know a good dentist near {place}?', 'I think I caught the flu, staying home today.',
  'the hospital parking is full again, so annoying.', 'remember to bring {food} for the picnic on {weekday}.',
  'flight to {city} got delayed by {n} hours 😩', '{name} said the meeting moved to {hour}.',
  'we need {n} more chairs for the event.', 'just saw a documentary about vaccines, really interesting.',
  'is the {store} near {place} open on {weekday}?', 'the kids loved the {food} you made!',
  'police closed the road near {place} for the marathon.', 'I finally fixed the Wi-Fi router at home.',
] as const;
const ZH_SENTENCES = [
  '今晚{hour}在{place}吃饭吗？', '{city}今天好热啊', '谁{weekday}去接孩子？', '我在{store}买了{food}，打折挺便宜的',
  '生日快乐{name}！🎂', '医生说要多喝水早点睡', '周末去{city}玩吗', '刚下班，累死了', '明天开会别迟到',
  '照片发群里了', '{app}又更新了，好难用', '妈妈下周去{city}看{name}', '{place}那边堵车很厉害',
  '今天降温了，大家多穿点', '孩子发烧了，在医院排队', '{weekday}的聚会还有{n}个位置', '谁有{place}附近好的牙医推荐？',
  '快递到了吗？', '这家{food}真好吃', '{name}说会议改到{hour}了', '晚上一起看球吗', '电费又涨了',
] as const;

const EN_NAMES = ['Anna', 'Ben', 'Carlos', 'Dee', 'Emma', 'Farid', 'Grace', 'Hiro', 'Ivy', 'Jon', 'Kemi', 'Liam'];
const ZH_NAMES = ['小王', '李姐', '张老师', '阿明', '小红', '刘叔', '陈总', '小雨', '老赵', '婷婷'];
const EN_FOODS = ['instant noodles', 'apples', 'ice cream', 'sausages', 'yogurt', 'green tea', 'garlic bread'];
const ZH_FOODS = ['方便面', '苹果', '冰淇淋', '香肠', '酸奶', '绿豆汤', '饺子'];
const EN_STORES = ['Costco', 'Tesco', 'Walmart', '7-Eleven', 'the market'];
const ZH_STORES = ['超市', '便利店', '盒马', '菜市场', '夜市'];
const EN_APPS = ['WhatsApp', 'Instagram', 'banking', 'Gmail'];
const ZH_APPS = ['微信', '支付宝', '抖音', '淘宝'];
const EN_LOCAL = ['the station', 'the mall', 'the usual place', 'the park', 'the office', 'the school gate'];
const ZH_LOCAL = ['老地方', '火锅店', '公司楼下', '地铁站', '学校门口', '商场'];
const EN_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ZH_WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** Phrases people put around a forwarded rumor. */
export const WRAPPERS = {
  en: {
    before: ['', '', 'Guys look at this: ', 'My aunt just sent this — ', 'FYI ', 'Forwarded as received: ',
      'Is this real? ', 'Please share!! ', 'Saw this on Facebook: ', 'URGENT ', '>> '],
    after: ['', '', ' Is this true?', ' Share with your family!!', ' 😱', ' stay safe everyone', ' wow', ' !!!'],
  },
  zh: {
    before: ['', '', '转发：', '家人们注意！', '群里看到的：', '真的假的？', '我妈发给我的：', '【紧急】', '速看 '],
    after: ['', '', '，大家注意安全', ' 快转给家人！', '？？', ' 是真的吗', ' 😱', '！！！'],
  },
} as const;

/** A short reply such as "ok" or "真的吗". */
export function shortChat(lang: 'en' | 'zh', rng: Random): string {
  return rng.pick(lang === 'en' ? EN_SHORT : ZH_SHORT);
}

/** A bare link, as when someone drops a URL without comment. */
export function link(rng: Random): string {
  const host = rng.pick(['youtu.be', 'bit.ly', 'example.com', 'news.example.net', 'mp.weixin.qq.com', 't.co']);
  const path = Math.floor(rng.next() * 36 ** 8).toString(36);
  return `https://${host}/${path}`;
}

/** One everyday sentence. */
export function chatSentence(lang: 'en' | 'zh', rng: Random): string {
  const en = lang === 'en';
  const values = {
    place: rng.pick(en ? EN_LOCAL : ZH_LOCAL),
    city: rng.pick(en ? EN_PLACES : ZH_PLACES),
    hour: en ? `${rng.int(5, 11)}pm` : `${rng.int(5, 11)}点`,
    food: rng.pick(en ? EN_FOODS : ZH_FOODS),
    store: rng.pick(en ? EN_STORES : ZH_STORES),
    name: rng.pick(en ? EN_NAMES : ZH_NAMES),
    weekday: rng.pick(en ? EN_WEEKDAYS : ZH_WEEKDAYS),
    app: rng.pick(en ? EN_APPS : ZH_APPS),
    n: String(rng.int(2, 9)),
  };
  return fill(rng.pick(en ? EN_SENTENCES : ZH_SENTENCES), values);
}

/** Everyday sentences joined until the text reaches about `targetChars` characters. */
export function chatParagraph(lang: 'en' | 'zh', targetChars: number, rng: Random): string {
  let text = chatSentence(lang, rng);
  while (text.length < targetChars) {
    const next = chatSentence(lang, rng);
    const joiner = lang === 'en' ? ' ' : /[？！。!?]$/u.test(text) ? '' : '。';
    if (text.length + joiner.length + next.length > targetChars) break;
    text += joiner + next;
  }
  return text;
}
