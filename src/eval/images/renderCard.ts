import type { Random } from '../../bench/corpus/random.js';

/** A picture as rumors circulate: a post screenshot with a header and a footer, or a meme/photo. */
export interface CardSpec {
  /** The post's text (the claim, worded as it spreads). */
  body: string;
  /** Width in pixels; height follows the text. */
  width: number;
  style: 'weibo' | 'tweet' | 'notice' | 'chat' | 'meme' | 'photo';
  /** Degrees, a hand-held screenshot or a re-photographed screen. */
  rotate: number;
  /** JPEG quality 1-100 (a forwarded picture recompressed), or PNG when absent. */
  jpegQuality?: number;
}

/** Font stacks: the CJK font the machine has (Noto Sans CJK, installed by `.ci/run`), then any. */
const FONT = '"Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Micro Hei", "DejaVu Sans", sans-serif';

const HEADERS: Record<CardSpec['style'], { title: string; bar: string; ink: string }> = {
  weibo: { title: '微博正文', bar: '#ff8200', ink: '#ffffff' },
  tweet: { title: 'Post', bar: '#ffffff', ink: '#0f1419' },
  notice: { title: '紧急通知 NOTICE', bar: '#c8102e', ink: '#ffffff' },
  chat: { title: '家人群(128)', bar: '#ededed', ink: '#111111' },
  meme: { title: '', bar: '#000000', ink: '#ffffff' },
  photo: { title: '', bar: '#000000', ink: '#ffffff' },
};

/** Draws one card with @napi-rs/canvas (loaded only here: the eval and the fixture script use it). */
export async function renderCard(spec: CardSpec, random: Random): Promise<Buffer> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const measureCanvas = createCanvas(10, 10).getContext('2d');
  const size = Math.round(spec.width / 24);
  measureCanvas.font = `${size}px ${FONT}`;
  const lines = wrap(spec.body, spec.width - 2 * Math.round(size * 1.2), (t) => measureCanvas.measureText(t).width);
  const header = spec.style === 'meme' || spec.style === 'photo' ? 0 : Math.round(size * 2.4);
  const footer = header === 0 ? 0 : Math.round(size * 2);
  const lineHeight = Math.round(size * 1.5);
  const height = header + Math.round(size * 4.2) + lines.length * lineHeight + footer + Math.round(size * 1.2);
  const canvas = createCanvas(spec.width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = spec.style === 'meme' ? '#202020' : '#ffffff';
  g.fillRect(0, 0, spec.width, height);
  if (spec.style === 'photo') paintPhoto(g, spec.width, height, random);
  if (spec.rotate !== 0) {
    g.translate(spec.width / 2, height / 2);
    g.rotate((spec.rotate * Math.PI) / 180);
    g.translate(-spec.width / 2, -height / 2);
  }
  const theme = HEADERS[spec.style];
  const margin = Math.round(size * 1.2);
  if (header > 0) {
    g.fillStyle = theme.bar;
    g.fillRect(0, 0, spec.width, header);
    g.fillStyle = theme.ink;
    g.font = `bold ${Math.round(size * 0.9)}px ${FONT}`;
    g.fillText(theme.title, margin, Math.round(header * 0.66));
    // Avatar and name line.
    g.fillStyle = `hsl(${random.int(0, 359)}, 55%, 60%)`;
    g.beginPath();
    g.arc(margin + size, header + size * 1.6, size, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#333333';
    g.font = `bold ${Math.round(size * 0.8)}px ${FONT}`;
    g.fillText(random.pick(['小道消息', '@newsalert24', '王阿姨', 'Local Updates', '热点速递']), margin + size * 2.6, header + size * 1.4);
    g.fillStyle = '#8a8a8a';
    g.font = `${Math.round(size * 0.65)}px ${FONT}`;
    g.fillText(random.pick(['10分钟前', '2h', '昨天 21:04', 'Mar 3']), margin + size * 2.6, header + size * 2.4);
  }
  g.fillStyle = spec.style === 'meme' || spec.style === 'photo' ? '#ffffff' : '#111111';
  g.font = `${spec.style === 'meme' ? 'bold ' : ''}${size}px ${FONT}`;
  const top = header + Math.round(size * (header > 0 ? 4.2 : 2));
  if (spec.style === 'photo') {
    g.strokeStyle = '#000000';
    g.lineWidth = Math.max(2, size / 8);
  }
  lines.forEach((line, i) => {
    if (spec.style === 'photo') g.strokeText(line, margin, top + i * lineHeight);
    g.fillText(line, margin, top + i * lineHeight);
  });
  if (footer > 0) {
    g.fillStyle = '#9a9a9a';
    g.font = `${Math.round(size * 0.7)}px ${FONT}`;
    g.fillText(random.pick(['转发 1.2万   评论 3456   赞 8.9万', '↻ 2.1K   ♡ 14K', '阅读 10万+', 'Shared 3,482 times']), margin, height - Math.round(footer * 0.5));
  }
  return spec.jpegQuality ? canvas.encode('jpeg', spec.jpegQuality) : canvas.encode('png');
}

/** Soft blobs of colour: a photo of food, a street, a pet, as far as the OCR is concerned. */
function paintPhoto(g: import('@napi-rs/canvas').SKRSContext2D, width: number, height: number, random: Random): void {
  for (let i = 0; i < 24; i++) {
    g.fillStyle = `hsla(${random.int(0, 359)}, ${random.int(30, 80)}%, ${random.int(25, 70)}%, 0.6)`;
    g.beginPath();
    g.ellipse(random.int(0, width), random.int(0, height), random.int(20, width / 3), random.int(20, height / 3), random.next() * Math.PI, 0, Math.PI * 2);
    g.fill();
  }
}

/** Lines no wider than `max`: Chinese breaks between any two characters, other text between words. */
export function wrap(text: string, max: number, width: (t: string) => number): string[] {
  const tokens = text.match(/\p{Script=Han}[，。！？：；、”）》]?|[^\s\p{Script=Han}]+\s*|\s+/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line !== '' && width(line + token) > max) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}
