import type { DateValue } from '../model/date.ts';
import {
  isUnnamed,
  namedHolders,
  type ActorRecord,
  type AuthorRecord,
  type Claim,
  type Quote,
  type Source,
  type SourceCorrection,
  type Speaker,
  type Story,
  type Translation,
} from '../model/corpus.ts';
import { socialProfiles, type SiteSettings } from '../model/site.ts';
import { WORK_TYPE } from '../present/labels.ts';
import { speakerName, whatSaid, type ActorLookup } from '../present/actors.ts';
import { namedAuthors, type AuthorLookup } from '../present/bylines.ts';
import { datetimeValues } from '../present/dates.ts';
import { passageInFull } from '../present/quotes.ts';
import {
  absoluteUrl,
  actorPath,
  authorPath,
  inStoryPath,
  LOGO_PATH,
  quoteImagePath,
  SEARCH_PATH,
  quotePath,
  sourcePath,
  storyImagePath,
  storyPath,
  STANDARDS_PATHS,
} from '../present/urls.ts';
import { LOGO_SIZE } from './logo.ts';
import { CARD_HEIGHT, CARD_WIDTH } from './sharecard.ts';

/**
 * Structured data (schema.org JSON-LD) for search engines and link previews. Dates are given only at
 * the precision we know; a range is never collapsed into one invented day. A paraphrase is not
 * described as a `Quotation`: machines must not read our words as the speaker's; they are the site's
 * words about what the speaker said (a `CommunicateAction` whose agent is the speaker). A speaker the source
 * does not name is a `Person` with only a `description` (the source's, marked unnamed) and the
 * organisation the source ties them to, if any: no `@id`, `name` or `url`, since there is no actor
 * to identify, and no `jobTitle`, since we know of none.
 */

type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';

/** A date value as schema.org dates: a day, month or year as is; a range only as an interval. */
function schemaDate(date: DateValue | undefined): { date?: string; interval?: string } {
  if (date === undefined) return {};
  const [start, end] = datetimeValues(date);
  // One value, or an ISO 8601 interval: a span's first and last, or an uncertain date's bounds.
  return end === undefined ? { date: start } : { interval: `${start}/${end}` };
}

function actorLd(actor: ActorRecord, site: URL | string, role?: Quote['role'], actors?: ActorLookup): JsonLd {
  const url = absoluteUrl(actorPath(actor.id), site);
  const organisation = role?.of === undefined ? undefined : actors?.get(role.of);
  return {
    '@type': actor.kind === 'person' ? 'Person' : 'Organization',
    '@id': `${url}#actor`,
    name: actor.name,
    url,
    ...(actor.aliases.length > 0 ? { alternateName: actor.aliases } : {}),
    ...(role && actor.kind === 'person' ? { jobTitle: role.title } : {}),
    ...(organisation ? { memberOf: actorLd(organisation, site) } : {}),
  };
}

/** Who said it: the actor, with the role then; or an unnamed speaker, described and never identified. */
function speakerLd(speaker: Speaker, site: URL | string, role: Quote['role'], actors: ActorLookup): JsonLd {
  if (!isUnnamed(speaker)) return actorLd(speaker, site, role, actors);
  return {
    '@type': 'Person',
    description: speakerName(speaker),
    // schema.org's `affiliation` is an organisation; a tie to a person has no property to go in.
    ...(speaker.affiliation?.kind === 'organisation' ? { affiliation: actorLd(speaker.affiliation, site) } : {}),
  };
}

function sourceLd(slug: string, source: Source, site: URL | string): JsonLd {
  const published = schemaDate(source.published);
  return {
    '@type': 'CreativeWork',
    '@id': `${absoluteUrl(sourcePath(slug, source.id), site)}#source`,
    name: source.title,
    url: source.url ?? absoluteUrl(sourcePath(slug, source.id), site),
    ...(source.publisher ? { publisher: { '@type': 'Organization', name: source.publisher } } : {}),
    ...(published.date ? { datePublished: published.date } : {}),
    inLanguage: source.lang,
    // The corrections the source itself published, in its words: schema.org's `correction` of a work.
    ...(source.corrections.length > 0
      ? { correction: source.corrections.map((correction) => sourceCorrectionLd(source, correction)) }
      : {}),
  };
}

function sourceCorrectionLd(source: Source, correction: SourceCorrection): JsonLd {
  const date = correction.date ? schemaDate(correction.date).date : undefined;
  return {
    '@type': 'CorrectionComment',
    text: passageInFull(correction.notice, source.text),
    ...(date ? { datePublished: date } : {}),
  };
}

/** A quote's translation as schema.org has it: a work that translates the quote, by the source or by us. */
function translationLd(translation: Translation, slug: string, site: URL | string, settings: SiteSettings): JsonLd {
  return {
    '@type': 'Quotation',
    text: translation.words,
    inLanguage: settings.language,
    translator: {
      '@type': 'Organization',
      name: translation.by === 'source' ? (translation.source.publisher ?? translation.source.title) : settings.name,
    },
    ...(translation.by === 'source' ? { isBasedOn: sourceLd(slug, translation.source, site) } : {}),
  };
}

/**
 * The site as a news organisation: the publisher of every story (and its author when a story names
 * none), with the pages that say how it works, as schema.org's policy properties name them (the Trust
 * Project's indicators). The fragments are the headings of the MDX pages (src/pages/*.mdx).
 */
function siteLd(site: URL | string, settings: SiteSettings): JsonLd {
  const home = absoluteUrl('/', site);
  const profiles = socialProfiles(settings.social);
  const page = (path: string) => absoluteUrl(path, site);
  const { about, standards, corrections, contact } = STANDARDS_PATHS;
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${home}#organization`,
    name: settings.name,
    url: home,
    logo: { '@type': 'ImageObject', url: absoluteUrl(LOGO_PATH, site), width: LOGO_SIZE, height: LOGO_SIZE },
    email: settings.contact.editorial,
    ...(profiles.length > 0 && { sameAs: profiles }),
    publishingPrinciples: page(standards),
    ethicsPolicy: page(`${standards}#ethics`),
    verificationFactCheckingPolicy: page(`${standards}#verification`),
    unnamedSourcesPolicy: page(`${standards}#unnamed-sources`),
    correctionsPolicy: page(corrections),
    actionableFeedbackPolicy: page(contact),
    masthead: page(`${about}#masthead`),
    ownershipFundingInfo: page(`${about}#ownership-and-funding`),
  };
}

/**
 * The home page's structured data: the site as a `WebSite`, with its search page as the action that
 * searches it (the search page reads `?q=`, src/pages/search.astro), and as the `Organization` that
 * publishes it.
 */
export function homeJsonLd(site: URL | string, settings: SiteSettings): JsonLd {
  const home = absoluteUrl('/', site);
  return {
    '@context': CONTEXT,
    '@graph': [
      {
        '@type': 'WebSite',
        '@id': `${home}#website`,
        url: home,
        name: settings.name,
        description: settings.description,
        inLanguage: settings.language,
        publisher: { '@id': `${home}#organization` },
        license: settings.licences.text.url,
        potentialAction: {
          '@type': 'SearchAction',
          target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(SEARCH_PATH, site)}?q={search_term_string}` },
          'query-input': 'required name=search_term_string',
        },
      },
      siteLd(site, settings),
    ],
  };
}

/** The site's organisation on its own, for the about page. */
export function organizationJsonLd(site: URL | string, settings: SiteSettings): JsonLd {
  return { '@context': CONTEXT, ...siteLd(site, settings) };
}

/** An author as schema.org has them: a person, or a team as an organisation, with their page on this site. */
function authorLd(author: AuthorRecord, site: URL | string): JsonLd {
  const url = absoluteUrl(authorPath(author.id), site);
  return {
    '@type': author.kind === 'team' ? 'Organization' : 'Person',
    '@id': `${url}#author`,
    name: author.name,
    url,
    ...(author.kind === 'person' && { jobTitle: author.role }),
    knowsLanguage: author.languages,
  };
}

/** The people a story names in its `authors` or `editors`. */
const peopleOf = (ids: readonly string[], authors: AuthorLookup, site: URL | string): JsonLd[] =>
  namedAuthors(ids, authors).map((author) => authorLd(author, site));

function articleLd(story: Story, site: URL | string, settings: SiteSettings, authors: AuthorLookup): JsonLd {
  const url = absoluteUrl(storyPath(story.slug), site);
  const organisation = siteLd(site, settings);
  const byline = peopleOf(story.authors, authors, site);
  const editors = peopleOf(story.editors, authors, site);
  return {
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    headline: story.title,
    description: story.dek,
    image: {
      '@type': 'ImageObject',
      url: absoluteUrl(storyImagePath(story.slug), site),
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
    },
    datePublished: story.published,
    dateModified: story.updated,
    inLanguage: settings.language,
    license: settings.licences.text.url,
    genre: WORK_TYPE,
    // A story that names no one is the newsroom's.
    author: byline.length > 0 ? byline : organisation,
    ...(editors.length > 0 && { editor: editors }),
    publisher: organisation,
    isBasedOn: story.sources.map((source) => sourceLd(story.slug, source, site)),
    // schema.org's `correction`: each published correction or update, with its note and entry.
    ...(story.corrections.length > 0 && {
      correction: story.corrections.map((correction) => ({
        '@type': 'CorrectionComment',
        url: absoluteUrl(inStoryPath(story.slug, correction.anchor), site),
        datePublished: correction.date,
        text: correction.note,
      })),
    }),
  };
}

/**
 * Who makes a claim as schema.org has it: its claimants (one the source does not name described, as an
 * unnamed speaker is), and the source when it asserts the claim in its own voice (as an organisation
 * when it names a publisher, else as the work).
 */
function claimAuthors(claim: Claim, site: URL | string, slug: string): JsonLd[] {
  const voices = [claim, ...claim.versions];
  const holders = voices.flatMap((v) => v.claimants);
  // An actor giving several accounts is one author; unnamed holders are never merged, even when alike.
  const named = [...new Map(namedHolders(holders).map((a) => [a.id, a])).values()];
  const unnamed = holders.filter(isUnnamed);
  // A contested claim's holders are its accounts'; any other claim without claimants is the source's own.
  const bySource =
    claim.versions.length > 0 ? claim.versions.some((version) => version.sourceVoice) : claim.claimants.length === 0;
  const source = claim.source.publisher
    ? { '@type': 'Organization', name: claim.source.publisher }
    : sourceLd(slug, claim.source, site);
  return [
    ...named.map((actor) => actorLd(actor, site)),
    ...unnamed.map((holder) => speakerLd(holder, site, undefined, new Map())),
    ...(bySource ? [source] : []),
  ];
}

/**
 * A claim the story weighs, as a schema.org `Claim`: the claim in our words, who makes it, and the
 * source it appears in. Its status (reported, disputed, contested…) has no schema.org property; the
 * page says it, and a fact-check's verdict would be a `ClaimReview`, which the site does not give.
 */
function claimLd(claim: Claim, story: Story, site: URL | string): JsonLd {
  return {
    '@type': 'Claim',
    '@id': absoluteUrl(inStoryPath(story.slug, claim.anchor), site),
    text: claim.text,
    author: claimAuthors(claim, site, story.slug),
    appearance: sourceLd(story.slug, claim.source, site),
  };
}

/**
 * The story as a `NewsArticle`, for its own page, with the claims it weighs as its parts; quote pages
 * nest the same article, same `@id`, without them.
 */
export function storyJsonLd(story: Story, site: URL | string, settings: SiteSettings, authors: AuthorLookup): JsonLd {
  return {
    '@context': CONTEXT,
    ...articleLd(story, site, settings, authors),
    ...(story.claims.length > 0 && { hasPart: story.claims.map((claim) => claimLd(claim, story, site)) }),
  };
}

/**
 * A quote inside its story's `NewsArticle`: a `Quotation` spoken by the speaker for direct and
 * reported words; for a paraphrase, a `CreativeWork` of genre "Paraphrase" written by the site, about
 * what the speaker said (the speaker is the agent of the act it restates, never its author).
 */
export function quoteJsonLd(
  quote: Quote,
  story: Story,
  site: URL | string,
  { actors, authors }: { actors: ActorLookup; authors: AuthorLookup },
  settings: SiteSettings,
): JsonLd {
  const url = absoluteUrl(quotePath(quote), site);
  const speaker = speakerLd(quote.speaker, site, quote.role, actors);
  const when = schemaDate(quote.said);
  const what =
    quote.form === 'paraphrase'
      ? {
          '@type': 'CreativeWork',
          genre: 'Paraphrase',
          name: `A paraphrase of ${whatSaid(quote.speaker)}`,
          text: quote.words,
          author: siteLd(site, settings),
          about: { '@type': 'CommunicateAction', agent: speaker },
        }
      : {
          '@type': 'Quotation',
          text: quote.words,
          inLanguage: quote.lang,
          spokenByCharacter: speaker,
          creator: speaker,
          ...(quote.translation
            ? { workTranslation: translationLd(quote.translation, story.slug, site, settings) }
            : {}),
        };
  return {
    '@context': CONTEXT,
    ...what,
    '@id': `${url}#quote`,
    url,
    image: absoluteUrl(quoteImagePath(quote), site),
    ...(when.date ? { dateCreated: when.date } : {}),
    ...(when.interval ? { temporalCoverage: when.interval } : {}),
    isBasedOn: sourceLd(story.slug, quote.source, site),
    isPartOf: articleLd(story, site, settings, authors),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` are written as Unicode escapes,
 * so no text in the content can close the script element or open a comment, and U+2028/U+2029 too.
 */
export function serialiseJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
