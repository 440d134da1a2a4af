/**
 * How much the palette encoding changes a card: draws a sample of the corpus's quote cards both ways
 * (src/lib/outputs/carddraw.ts: `renderCardFullColour`, as resvg renders it, and `renderCard`, the
 * palette PNG the site ships), decodes both and compares them pixel by pixel. The benchmark prints
 * the result; tests/unit/sharecard.test.ts holds four cards to the same measure.
 *
 * The cards are made from the benchmark corpus's files directly (its words, speaker, role, date as
 * written and story title), not through the build, so their text is close to, not exactly, what the
 * site's cards show: the encoding's effect depends on the ink and colours, which are the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { parse } from 'yaml';
import {
  CARD_FONT_FILES,
  designFrom,
  loadCardFonts,
  renderCard,
  renderCardFullColour,
  type CardContent,
} from '../../src/lib/outputs/carddraw.ts';
import { meanChannelDifference } from './figures.ts';

/** A Markdown file's YAML fields and body. */
function readEntry(path: string): { data: Record<string, unknown>; body: string } {
  const [, yaml = '', body = ''] = readFileSync(path, 'utf8').split(/^---$/m);
  return { data: parse(yaml) as Record<string, unknown>, body: body.trim() };
}

/** Up to `sample` quote cards of the corpus in `contentDir`, spread across its stories. */
function sampleCards(contentDir: string, sample: number): CardContent[] {
  const stories = readdirSync(join(contentDir, 'stories')).sort();
  const step = Math.max(1, Math.floor(stories.length / sample));
  return stories
    .filter((_, i) => i % step === 0)
    .slice(0, sample)
    .map((slug, i) => {
      const folder = join(contentDir, 'stories', slug);
      const files = readdirSync(join(folder, 'quotes')).sort();
      const quote = readEntry(join(folder, 'quotes', files[i % files.length]!));
      const speaker = readEntry(join(contentDir, 'actors', `${String(quote.data.speaker)}.md`));
      const [role] = (speaker.data.roles ?? []) as { title: string; organisation?: string }[];
      const form = String(quote.data.form);
      return {
        label:
          form === 'direct' ? 'Direct quote' : form === 'reported' ? 'Reported speech' : 'Paraphrase, not their words',
        words: form === 'direct' ? `“${quote.body}”` : quote.body,
        paraphrase: form === 'paraphrase',
        lang: 'en',
        direction: 'ltr',
        speaker: String(speaker.data.name),
        unnamed: false,
        role: role ? [role.title, role.organisation].filter(Boolean).join(', ') : '',
        date: (quote.data.said as { statedAs?: string } | undefined)?.statedAs ?? '',
        story: String(readEntry(join(folder, 'story.mdx')).data.title),
        corrected: '',
      };
    });
}

/** The sample's mean and largest difference per channel (out of 255), and the mean bytes of each encoding. */
export async function cardQuality(contentDir: string, sample = 12) {
  const design = designFrom(CARD_FONT_FILES, readFileSync('src/styles/global.css', 'utf8'));
  const fonts = await loadCardFonts();
  const differences: number[] = [];
  let fullBytes = 0;
  let paletteBytes = 0;
  const cards = sampleCards(contentDir, sample);
  for (const card of cards) {
    const full = await renderCardFullColour(card, design, fonts);
    const palette = await renderCard(card, design, fonts);
    fullBytes += full.length;
    paletteBytes += palette.length;
    const [a, b] = await Promise.all([
      sharp(full).ensureAlpha().raw().toBuffer(),
      sharp(palette).ensureAlpha().raw().toBuffer(),
    ]);
    differences.push(meanChannelDifference(a, b));
  }
  return {
    cards: cards.length,
    meanDifference: differences.reduce((sum, d) => sum + d, 0) / differences.length,
    maxDifference: Math.max(...differences),
    fullKb: fullBytes / cards.length / 1000,
    paletteKb: paletteBytes / cards.length / 1000,
  };
}
