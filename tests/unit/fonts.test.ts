import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cutFace, readFont, type SourceFont } from '../../src/lib/outputs/fontfiles';
import {
  codePointsIn,
  codePointsOf,
  describeUncovered,
  FACES,
  facePoints,
  fontFaceCss,
  fontStack,
  fontUrl,
  isArabicScript,
  planFonts,
  shippedFace,
  shownTexts,
  TEMPLATE_CHARACTERS,
  uncoveredCharacters,
  uncoveredProblems,
  unicodeRange,
  type Face,
} from '../../src/lib/outputs/fonts';

/*
 * The site's own type: what each face is cut to, the hashed file names, the @font-face rules, the
 * build's refusal of characters no face can show, and one real cut of each face read back. Not
 * covered here: what a browser downloads and whether the swap moves anything (tests/e2e/fonts.spec.ts),
 * and the printed PDF's fonts (tests/e2e/briefing.spec.ts).
 */

const face = (name: string) => FACES.find((f) => f.name === name)!;
const serif = face('source-serif-4-400-normal');
const arabic = face('noto-naskh-arabic-400-normal');
const cps = (text: string) => codePointsOf([text]);

const sources = new Map<Face, SourceFont>();
beforeAll(async () => {
  const require = createRequire(import.meta.url);
  for (const f of FACES) sources.set(f, await readFont(readFileSync(require.resolve(f.source))));
});
const coverage = () => new Map([...sources].map(([f, source]) => [f, source.codePoints]));

describe('the characters each face is cut to', () => {
  it('finds every string in an entry, however deep, with where it is', () => {
    const data = {
      title: 'A',
      quotes: [{ words: 'b', said: { on: '2021-05-08' } }],
      tags: new Map([['k', 'c']]),
      n: 3,
    };
    expect(shownTexts('stories/x', data)).toEqual([
      { where: 'stories/x › title', text: 'A' },
      { where: 'stories/x › quotes.0.words', text: 'b' },
      { where: 'stories/x › quotes.0.said.on', text: '2021-05-08' },
      { where: 'stories/x › tags.k', text: 'c' },
    ]);
  });

  it('lists each character once, in code point order, astral ones whole', () => {
    expect(codePointsOf(['ba', 'a\n', 'é😀€', ''])).toEqual([0x0a, 0x61, 0x62, 0xe9, 0x20ac, 0x1f600]);
    // A lone surrogate is a character of its own, as the string's iterator gives it.
    expect(codePointsOf(['a\ud800', '\udc00'])).toEqual([0x61, 0xd800, 0xdc00]);
  });

  it('finds the characters of every string in entries as their texts with places would give them', () => {
    const data = {
      title: 'Kabul – “ceasefire”',
      quotes: [{ words: 'پښتو 😀', said: { on: '2021-05-08' } }, { words: '' }],
      tags: new Map([['ключ', 'x']]),
      n: 3,
      nothing: null,
    };
    const body = 'Body text… with ß';
    expect(codePointsIn(data, body, undefined)).toEqual(
      codePointsOf([...shownTexts('stories/x', data).map(({ text }) => text), body]),
    );
    // Map keys are not shown text.
    expect(codePointsIn(data)).not.toContain('к'.codePointAt(0));
  });

  it('gives Latin faces the templates’ characters and the content’s, and the Arabic face only Arabic-script text', () => {
    const has = new Set([...cps(TEMPLATE_CHARACTERS), ...cps('éپښتو')]);
    const shown = cps('Café');
    expect(facePoints(serif, shown, has)).toEqual(cps(TEMPLATE_CHARACTERS + 'é'));
    expect(facePoints(arabic, shown, has)).toEqual([]);
    const withPashto = cps('Café پښتو');
    expect(facePoints(serif, withPashto, has)).not.toContain('پ'.codePointAt(0));
    // The Arabic face keeps the characters that stand in Arabic text, of those its source has.
    expect(facePoints(arabic, withPashto, new Set(cps(' پښتو\u200c')))).toEqual(cps(' پښتو\u200c'));
  });

  it('treats Arabic letters and the Arabic comma and question mark as Arabic script, Latin and digits not', () => {
    expect(Array.from('پښ،؟').every(isArabicScript)).toBe(true);
    expect(Array.from('a1«. ').some(isArabicScript)).toBe(false);
  });

  it('writes every character the templates use into the base set', () => {
    const written = ['src/components', 'src/pages', 'src/layouts', 'src/lib/present'].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.(astro|ts)$/.test(file))
        .map((file) => readFileSync(join(dir, file), 'utf8')),
    );
    const nonAscii = codePointsOf(written).filter((cp) => cp > 0x7e);
    expect(nonAscii.filter((cp) => !TEMPLATE_CHARACTERS.includes(String.fromCodePoint(cp)))).toEqual([]);
  });
});

describe('characters no face can show', () => {
  it('passes text every face has', () => {
    expect(
      uncoveredCharacters(
        () => [{ where: 'stories/x › title', text: 'Café “déjà vu” ≈ پښتو\u200c\n' }],
        cps('Café “déjà vu” ≈ پښتو\u200c\n'),
        coverage(),
      ),
    ).toEqual([]);
  });

  it('names each character, the faces without it, and where it is', () => {
    const texts = [
      { where: 'stories/x › title', text: 'Beijing 北京' },
      { where: 'actors/y › aliases.0', text: '北' },
    ];
    const uncovered = uncoveredCharacters(() => texts, codePointsOf(texts.map(({ text }) => text)), coverage());
    expect(uncovered.map((u) => [u.codePoint, u.where])).toEqual([
      [0x4eac, ['stories/x › title']],
      [0x5317, ['stories/x › title', 'actors/y › aliases.0']],
    ]);
    expect(uncovered[0]!.faces).toContain('source-serif-4-400-normal');
    const message = describeUncovered(uncovered);
    expect(message).toContain('"北" U+5317 CJK UNIFIED IDEOGRAPH-5317');
    expect(message).toContain('in stories/x › title; actors/y › aliases.0');
  });
});

describe('the content check of the same rule', () => {
  it('gives one problem per field holding a character no face can show, naming it and the faces', () => {
    const problems = uncoveredProblems(
      [
        { file: 'content/actors/li.md', data: { name: 'Li Wei', aliases: ['Wei', '李伟'] }, body: 'Met in 北京.' },
        { file: 'content/actors/ok.md', data: { name: 'Café ≈ پښتو' } },
      ],
      coverage(),
    );
    expect(problems.map(({ file, field }) => `${file} ${field}`)).toEqual([
      'content/actors/li.md aliases.1',
      'content/actors/li.md body',
    ]);
    expect(problems[0]!.expected).toMatch(
      /^only characters the site's fonts can show, but it has "李" U\+674E CJK UNIFIED IDEOGRAPH-674E \(not in [^)]*source-serif-4-400-normal[^)]*\), "伟" .*: write the text without them/,
    );
  });

  it('finds nothing in text every face has', () => {
    expect(uncoveredProblems([{ file: 'f.md', data: { title: 'Café “déjà vu”' }, body: 'پښتو' }], coverage())).toEqual(
      [],
    );
  });
});

describe('files and @font-face rules', () => {
  it('writes code points as unicode-range runs', () => {
    expect(unicodeRange([0x41, 0x20, 0x21, 0x22, 0x2026, 0x41])).toBe('U+20-22,U+41,U+2026');
  });

  it('names a file by a hash of its source, characters and features', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const a = shippedFace(serif, [0x41], bytes);
    expect(a.file).toMatch(/^source-serif-4-400-normal\.[0-9a-f]{10}\.woff2$/);
    expect(shippedFace(serif, [0x41], bytes).file).toBe(a.file);
    expect(shippedFace(serif, [0x42], bytes).file).not.toBe(a.file);
    expect(shippedFace(serif, [0x41], new Uint8Array([1, 2, 4])).file).not.toBe(a.file);
  });

  it('declares each face with swap and its range, the Arabic one limited to Arabic script, and Liberation among the fallbacks', () => {
    const css = fontFaceCss(
      [shippedFace(serif, cps('Ab'), new Uint8Array()), shippedFace(arabic, cps(' پ\u200c'), new Uint8Array())],
      (file) => `/fonts/${file}`,
    );
    expect(css).toMatch(
      /@font-face\{font-family:"Source Serif 4";src:url\(\/fonts\/source-serif-4-400-normal\.\w+\.woff2\) format\("woff2"\);font-weight:400;font-style:normal;font-display:swap;unicode-range:U\+41,U\+62\}/,
    );
    expect(css).toContain('unicode-range:U+67E,U+200C}');
    expect(css).toContain(`src:local('Times New Roman'), local('TimesNewRomanPSMT'), local('Liberation Serif')`);
    expect(css).toContain(`src:local('Arial'), local('ArialMT'), local('Liberation Sans')`);
    expect(css).toContain('font-family:"Source Serif 4 Fallback: Georgia"');
    expect(css).not.toContain('<');
  });

  it('writes the stacks once, beside the faces: the page’s, and the Arabic-first one for Arabic-script languages', () => {
    const css = fontFaceCss([], (file) => `/fonts/${file}`);
    expect(css).toContain(`:root{--font-body:${fontStack('body')};--font-ui:${fontStack('ui')}}`);
    expect(css).toContain(
      `:lang(ps),:lang(fa),:lang(prs),:lang(ar),:lang(ur){--font-body:${fontStack('body', true)};--font-ui:${fontStack('ui', true)}}`,
    );
    expect(fontStack('body', true).startsWith('"Noto Naskh Arabic", "Source Serif 4"')).toBe(true);
    expect(fontStack('ui').endsWith('sans-serif')).toBe(true);
    // Nowhere else: a second copy in the site's stylesheet would drift.
    expect(readFileSync('src/styles/global.css', 'utf8')).not.toMatch(/--font-(body|ui)\s*:/);
  });
});

describe('the fonts planned for a build', () => {
  const plan = (texts: { where: string; text: string }[]) => {
    const require = createRequire(import.meta.url);
    const files = FACES.map((f) => {
      const bytes = new Uint8Array(readFileSync(require.resolve(f.source)));
      return [f.name, { bytes, codePoints: sources.get(f)!.codePoints }] as const;
    });
    return planFonts(codePointsOf(texts.map(({ text }) => text)), new Map(files), () => texts);
  };

  it('ships the faces with something to show, each cut to it, and preloads the text face', () => {
    const latin = plan([{ where: 'stories/x › title', text: 'Café' }]);
    expect(latin.faces.map((shipped) => shipped.face.name)).not.toContain(arabic.name);
    const text = latin.faces.find((shipped) => shipped.face === serif)!;
    expect(text.points).toContain(0xe9);
    expect(latin.preload).toBe(fontUrl(text.file));
    expect(latin.css).toContain(`url(${fontUrl(text.file)})`);
    const pashto = plan([{ where: 'stories/x › title', text: 'Café پښتو' }]);
    expect(pashto.faces.map((shipped) => shipped.face.name)).toContain(arabic.name);
    // Arabic script leaves the Latin faces as they were; another Latin character is another cut, at another address.
    expect(pashto.faces.find((shipped) => shipped.face === serif)!.file).toBe(text.file);
    expect(plan([{ where: 'stories/x › title', text: 'Café ž' }]).preload).not.toBe(latin.preload);
  });

  it('refuses a character no face can show, naming where it is', () => {
    expect(() => plan([{ where: 'stories/x › quotes.0.words', text: 'Beijing 北京' }])).toThrow(
      /U\+5317[^\n]*in stories\/x › quotes\.0\.words/,
    );
  });
});

describe('cutting the faces', () => {
  it('every source has the templates’ characters', () => {
    for (const [f, source] of sources) {
      if (f.script === 'latin') expect(cps(TEMPLATE_CHARACTERS).filter((cp) => !source.codePoints.has(cp))).toEqual([]);
    }
  });

  it('cuts each face to exactly the characters asked for, as WOFF2', async () => {
    for (const [f, source] of sources) {
      const points = facePoints(f, cps('Verifiable “explainers” … ≈ پښتو'), source.codePoints);
      const woff2 = await cutFace(f, source, points);
      expect(new TextDecoder().decode(woff2.slice(0, 4))).toBe('wOF2');
      expect(woff2.byteLength).toBeLessThan(f.script === 'latin' ? 15_000 : 30_000);
      const back = await readFont(woff2);
      expect(
        [...back.codePoints].sort((a, b) => a - b),
        f.name,
      ).toEqual(points);
    }
  });
});
