import { describe, expect, it } from 'vitest';
import {
  homeJsonLd,
  organizationJsonLd,
  quoteJsonLd,
  serialiseJsonLd,
  storyJsonLd,
} from '../../src/lib/outputs/jsonld';
import { corpus } from './fixtures/corpus';
import { settings } from './fixtures/settings';

/*
 * Structured data for quotes and stories. Not covered here: that each built page embeds it and it
 * parses (tests/e2e/quotes.spec.ts, tests/e2e/previews.spec.ts).
 */

const site = 'https://news.example/';
const { stories, actors, authors } = corpus();
const lookups = { actors, authors };
const older = stories.find((s) => s.slug === 'older')!;
const quote = (id: string) => older.quotes.find((q) => q.id === id)!;

describe('quoteJsonLd', () => {
  it('describes direct words as a Quotation spoken by the speaker, inside the story', () => {
    const ld = quoteJsonLd(quote('stand-firm'), older, site, lookups, settings);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Quotation',
      text: 'We will stand firm',
      url: 'https://news.example/stories/older/quotes/stand-firm/',
      image: 'https://news.example/stories/older/quotes/stand-firm.png',
      dateCreated: '2021-05-07',
      spokenByCharacter: {
        '@type': 'Person',
        name: 'Ann Lee',
        url: 'https://news.example/actors/ann-lee/',
        jobTitle: 'Envoy',
      },
      creator: { name: 'Ann Lee' },
      isBasedOn: { '@type': 'CreativeWork', name: 'The article' },
      isPartOf: {
        '@type': 'NewsArticle',
        '@id': 'https://news.example/stories/older/#article',
        headline: 'The older story',
      },
    });
  });

  it('never calls a paraphrase a Quotation', () => {
    const ld = quoteJsonLd(quote('talks-failed'), older, site, lookups, settings);
    expect(ld['@type']).toBe('CreativeWork');
    // Our words, about what the speaker said: the speaker is the agent of the act, never the author.
    expect(ld).toMatchObject({
      genre: 'Paraphrase',
      author: { '@type': 'NewsMediaOrganization', '@id': 'https://news.example/#organization' },
      about: { '@type': 'CommunicateAction', agent: { name: 'Sam Khan' } },
    });
    expect(ld).not.toHaveProperty('spokenByCharacter');
    expect(ld).not.toHaveProperty('creator');
  });

  it('gives dates only at the precision known', () => {
    const base = quote('stand-firm');
    const month = quoteJsonLd(
      { ...base, said: { on: '2021-04', part: 'late', provenance: 'inferred', reasoning: 'r' } },
      older,
      site,
      lookups,
      settings,
    );
    expect(month.dateCreated).toBe('2021-04');
    const range = quoteJsonLd(
      { ...base, said: { earliest: '2021-04-26', latest: '2021-05-02', provenance: 'inferred', reasoning: 'r' } },
      older,
      site,
      lookups,
      settings,
    );
    expect(range).not.toHaveProperty('dateCreated');
    expect(range.temporalCoverage).toBe('2021-04-26/2021-05-02');
    expect(quoteJsonLd({ ...base, said: undefined }, older, site, lookups, settings)).not.toHaveProperty('dateCreated');
  });

  it('refers to the same NewsArticle the story page describes', () => {
    const article = storyJsonLd(older, site, settings, authors);
    expect(
      (quoteJsonLd(quote('stand-firm'), older, site, lookups, settings).isPartOf as { '@id': string })['@id'],
    ).toBe(article['@id']);
  });
});

describe('quoteJsonLd for an unnamed speaker and a member', () => {
  const newer = stories.find((s) => s.slug === 'newer')!;
  const inNewer = (id: string) => newer.quotes.find((q) => q.id === id)!;

  it('describes a speaker the source does not name as a Person with a description only: no @id, name, url or role', () => {
    const ld = quoteJsonLd(inNewer('nothing-changed'), newer, site, lookups, settings);
    const speaker = ld.spokenByCharacter as Record<string, unknown>;
    expect(speaker).toEqual({
      '@type': 'Person',
      description: 'a senior Council official (unnamed)',
      affiliation: {
        '@type': 'Organization',
        '@id': 'https://news.example/actors/council/#actor',
        name: 'The Council',
        url: 'https://news.example/actors/council/',
      },
    });
    expect(ld.creator).toEqual(speaker);
  });

  it('leaves out an affiliation no one is given for', () => {
    expect(quoteJsonLd(inNewer('hopeful'), newer, site, lookups, settings).spokenByCharacter).toEqual({
      '@type': 'Person',
      description: 'a diplomat (unnamed)',
    });
  });

  it('gives a member the organisation their role then is of', () => {
    expect(quoteJsonLd(inNewer('listening'), newer, site, lookups, settings).spokenByCharacter).toMatchObject({
      name: 'Sam Khan',
      jobTitle: 'Spokesman',
      memberOf: { '@type': 'Organization', '@id': 'https://news.example/actors/council/#actor' },
    });
  });
});

describe('homeJsonLd', () => {
  it('gives the site as a WebSite searched through its search page, and the Organization that publishes it, from its configuration', () => {
    const { '@graph': graph } = homeJsonLd(site, settings) as { '@graph': Record<string, unknown>[] };
    expect(graph).toEqual([
      expect.objectContaining({
        '@type': 'WebSite',
        '@id': 'https://news.example/#website',
        url: 'https://news.example/',
        name: 'News Example',
        description: settings.description,
        inLanguage: 'en-AU',
        publisher: { '@id': 'https://news.example/#organization' },
        potentialAction: {
          '@type': 'SearchAction',
          target: { '@type': 'EntryPoint', urlTemplate: 'https://news.example/search/?q={search_term_string}' },
          'query-input': 'required name=search_term_string',
        },
      }),
      expect.objectContaining({
        '@type': 'NewsMediaOrganization',
        '@id': 'https://news.example/#organization',
        name: 'News Example',
      }),
    ]);
  });

  it('names no account the configuration does not give', () => {
    const { '@graph': graph } = homeJsonLd(site, { ...settings, social: {} }) as {
      '@graph': Record<string, unknown>[];
    };
    expect(graph[1]).not.toHaveProperty('sameAs');
  });
});

describe('storyJsonLd', () => {
  it('gives the NewsArticle its card, the site as author (the story names no one) and publisher with a logo, and the page it is the main entity of', () => {
    expect(storyJsonLd(older, site, settings, authors)).toMatchObject({
      '@type': 'NewsArticle',
      '@id': 'https://news.example/stories/older/#article',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example/stories/older/' },
      image: { '@type': 'ImageObject', url: 'https://news.example/stories/older/card.png', width: 1200, height: 630 },
      author: {
        '@type': 'NewsMediaOrganization',
        '@id': 'https://news.example/#organization',
        name: 'News Example',
      },
      publisher: {
        '@type': 'NewsMediaOrganization',
        '@id': 'https://news.example/#organization',
        name: 'News Example',
        url: 'https://news.example/',
        logo: { '@type': 'ImageObject', url: 'https://news.example/logo.png', width: 512, height: 512 },
        email: 'desk@news.example',
        sameAs: ['https://x.com/newsexample', 'https://social.example/@desk'],
      },
      inLanguage: 'en-AU',
      license: 'https://creativecommons.org/licenses/by-sa/4.0/',
      datePublished: older.published,
      dateModified: older.updated,
    });
    expect(storyJsonLd(older, site, settings, authors)).not.toHaveProperty('correction');
  });

  it('lists each correction as a CorrectionComment, dated, linking its entry in the story’s log', () => {
    const corrected = {
      ...older,
      corrections: [
        {
          date: '2021-06-01',
          kind: 'correction' as const,
          quote: 'stand-firm',
          was: { words: 'We will stand' },
          note: 'The quote was cut short.',
          item: { kind: 'quote' as const, id: 'stand-firm' },
          anchor: 'k-2021-06-01-quote-stand-firm',
          before: [{ field: 'words' as const, was: 'We will stand' }],
        },
      ],
    };
    expect(storyJsonLd(corrected, site, settings, authors).correction).toEqual([
      {
        '@type': 'CorrectionComment',
        url: 'https://news.example/stories/older/#k-2021-06-01-quote-stand-firm',
        datePublished: '2021-06-01',
        text: 'The quote was cut short.',
      },
    ]);
  });
});

describe('a source that corrected itself', () => {
  it('gives each of its corrections as a CorrectionComment in its words, dated when it says', () => {
    const source = older.sources[0]!;
    const withCorrections = {
      ...source,
      text: `${source.text}\nCorrects the day to Monday.`,
      corrections: [
        {
          anchor: 'sc-1',
          corrects: 'the day',
          to: 'Monday',
          notice: { start: source.text.length + 1, end: source.text.length + 27, text: 'Corrects the day to Monday' },
          at: { start: 0, end: 0, text: '' },
          date: { on: '2021-05-09', provenance: 'stated' as const },
        },
      ],
    };
    const ld = storyJsonLd(
      { ...older, sources: [withCorrections, ...older.sources.slice(1)] },
      site,
      settings,
      authors,
    );
    expect(ld.isBasedOn).toContainEqual(
      expect.objectContaining({
        correction: [
          { '@type': 'CorrectionComment', text: 'Corrects the day to Monday.', datePublished: '2021-05-09' },
        ],
      }),
    );
    expect(JSON.stringify(storyJsonLd(older, site, settings, authors).isBasedOn)).not.toContain('"correction"');
  });
});

describe('bylines and the publisher’s policies', () => {
  it('names the story’s authors and editors, each with their page, and keeps the site as publisher', () => {
    const signed = { ...older, authors: ['desk'], editors: ['desk'] };
    const desk = {
      '@type': 'Organization',
      '@id': 'https://news.example/authors/desk/#author',
      name: 'The Desk',
      url: 'https://news.example/authors/desk/',
      knowsLanguage: ['en'],
    };
    const ld = storyJsonLd(signed, site, settings, authors);
    expect(ld.author).toEqual([desk]);
    expect(ld.editor).toEqual([desk]);
    expect(ld).toMatchObject({ genre: 'Explainer', publisher: { '@id': 'https://news.example/#organization' } });
    expect(storyJsonLd(older, site, settings, authors)).not.toHaveProperty('editor');
    const person = new Map([
      ['ann', { ...authors.get('desk')!, id: 'ann', kind: 'person' as const, name: 'Ann Writer', role: 'Reporter' }],
    ]);
    expect(storyJsonLd({ ...older, authors: ['ann'] }, site, settings, person).author).toEqual([
      expect.objectContaining({ '@type': 'Person', name: 'Ann Writer', jobTitle: 'Reporter' }),
    ]);
  });

  it('gives the organisation every policy page, by schema.org’s properties', () => {
    expect(organizationJsonLd(site, settings)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsMediaOrganization',
      publishingPrinciples: 'https://news.example/standards/',
      ethicsPolicy: 'https://news.example/standards/#ethics',
      verificationFactCheckingPolicy: 'https://news.example/standards/#verification',
      unnamedSourcesPolicy: 'https://news.example/standards/#unnamed-sources',
      correctionsPolicy: 'https://news.example/corrections/',
      actionableFeedbackPolicy: 'https://news.example/contact/',
      masthead: 'https://news.example/about/#masthead',
      ownershipFundingInfo: 'https://news.example/about/#ownership-and-funding',
    });
  });
});

describe('storyJsonLd: the claims the story weighs', () => {
  const parts = storyJsonLd(older, site, settings, authors).hasPart as Record<string, unknown>[];
  const claim = (id: string) => parts.find((part) => part['@id'] === `https://news.example/stories/older/#c-${id}`);

  it('gives each claim as a Claim, in our words, with who makes it and the source it appears in', () => {
    expect(parts).toHaveLength(older.claims.length);
    expect(claim('talks')).toMatchObject({
      '@type': 'Claim',
      text: 'Talks failed.',
      author: [{ '@type': 'Person', name: 'Sam Khan' }],
      appearance: { '@type': 'CreativeWork', name: 'The article' },
    });
  });

  it('names every account’s holder of a contested claim, the source among them when it gives one in its own voice', () => {
    const authors = claim('talks-ended')?.author as Record<string, unknown>[];
    expect(authors.map((author) => author.name)).toEqual(['The Council', 'The article']);
  });

  it('describes a holder the source does not name, as an unnamed speaker is: no id, no name', () => {
    const newer = stories.find((s) => s.slug === 'newer')!;
    const held = (storyJsonLd(newer, site, settings, authors).hasPart as Record<string, unknown>[]).find(
      (part) => part['@id'] === 'https://news.example/stories/newer/#c-unchanged',
    );
    expect(held?.author).toEqual([
      {
        '@type': 'Person',
        description: 'a senior Council official (unnamed)',
        affiliation: expect.objectContaining({ '@type': 'Organization', name: 'The Council' }) as unknown,
      },
    ]);
  });

  it('leaves the claims off the article that quote pages nest', () => {
    expect(quoteJsonLd(quote('stand-firm'), older, site, lookups, settings).isPartOf).not.toHaveProperty('hasPart');
  });
});

describe('serialiseJsonLd', () => {
  it('cannot close the script element or open a comment, and parses back to the same data', () => {
    const hostile = { text: '</script><script>alert(1)</script> <!-- & \u2028 "quoted"' };
    const json = serialiseJsonLd(hostile);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(hostile);
  });
});
