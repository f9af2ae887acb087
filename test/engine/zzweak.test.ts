import { it } from 'vitest';
import { harness, TEXT } from '/work/main/test/engine/harness.js';
import { createMatcher } from '/work/main/src/matching/matcher.js';
import { ALL_DEBUNKS, debunk } from '/work/main/test/matching/fixtures.js';
it('x', async () => { const h = harness(); const d = await h.post({ text: TEXT.weakFiveG }); console.log('weak', d.matches.map((m:any)=>m.score), d.stance);
 const m = createMatcher(ALL_DEBUNKS); console.log('iodine', m.match('我爸说吃碘盐可以补碘',{minScore:0}).matches.map(x=>[x.debunkId,x.score]));
 const dragon = debunk({ id: 'ar-dragon', claim: 'A video shows an augmented reality dragon flying over a baseball stadium', variants: ['Did an AR Dragon Fly Over a Baseball Stadium?'], lang: 'en' });
 console.log('dragon', createMatcher([...ALL_DEBUNKS, dragon]).match('Korean baseball championship opening today, they used a 3D hologram with 5G technology and lots of lights: a realistic dragon flew over the stadium',{minScore:0}).matches.map(x=>[x.debunkId,x.score]));
 for (const t of ['5G towers spread the coronavirus and more', 'the coronavirus and 5G', 'coronavirus spreads near 5G towers', '5G towers near the coronavirus', 'do 5G towers have anything to do with the coronavirus']) { const r = await h.post({ text: t }); console.log(t, r.matches.map((x:any)=>x.score.toFixed(2)), r.stance); }
});
