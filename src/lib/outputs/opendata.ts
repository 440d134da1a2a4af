import { z } from 'astro/zod';
import { dateValueSchema, type DateValue } from '../model/date.ts';
import {
  actorSchema,
  claimStatuses,
  correctableFieldNames,
  correctionKinds,
  entityId,
  eventStatuses,
  expectationTimings,
  isWordsDate,
  media,
  publishModes,
  mediumProvenances,
  quoteForms,
  wordsDateSchema,
} from '../model/entities.ts';
import { describeRole, type ActorLookup } from '../present/actors.ts';
import { datetimeValues, formatDate } from '../present/dates.ts';
import { passageInFull } from '../present/quotes.ts';
import { sourceVoiceName } from '../present/labels.ts';
import { claimSourceCorrections, quoteSourceCorrections, sourceCorrectionPath } from '../present/sourceCorrections.ts';
import {
  accountsInWords,
  accountsTogether,
  describeEventDate,
  orderInWords,
  wordsDateBound,
} from '../present/timeline.ts';
import {
  isUnnamed,
  type ActorRecord,
  type Account,
  type OrderBound,
  type Source,
  type Speaker,
  type Story,
  type UnnamedSpeaker,
} from '../model/corpus.ts';
import { sourceExcerpts } from '../present/excerpts.ts';
import type { Range } from '../present/passages.ts';
import { absoluteUrl, dataPath, inStoryPath, quotePath, SCHEMA_PATHS, sourcePath, storyPath } from '../present/urls.ts';
import { anchorsIn, annotationSchema, type Annotation } from './annotations.ts';
import { textSha256 } from '../content/verbatim.ts';

/**
 * A story as open data (`/data/stories/<slug>.json`): its quotes, claims and events with the ids and
 * anchors the pages use, so anyone can cite, check or reuse them. References are ids; the actors
 * and sources they point to are listed alongside. Dates keep what the source said apart from what
 * we inferred, exactly as the content does, plus the words and machine values the pages show.
 *
 * A quote's `speaker`, and each of a claim's or an account's `claimants`, is an actor id, or for one
 * the source does not name `{ unnamed: true, description, affiliation }` (the source's description;
 * the actor id the source ties them to, or null): never an id, so no program can take two unnamed
 * speakers for one. A quote's `mediumProvenance` says whether the source states its medium or we
 * infer it, from the words in `mediumFrom`. A
 * contested claim lists its competing `versions`, each with who gives it (`claimants`, and
 * `sourceVoice` when the source itself does) and its evidence; so does an event whose accounts date
 * it differently, and its `when` is then only what they allow together (`datesDiffer`). An event's `sameAs` names the same
 * real event in other stories. An event under way gives the day it began as `when` and the day it
 * is set to end as `until`; an expected event gives who expects it (`expectation`), and `when` is a
 * bound of that expectation, never a set date; `standing` says either as pages do. `corrections`
 * lists every correction and update, newest first: the quote or claim it changed, by id, and what it
 * said before (`was`, by field). A source's own corrections ("Corrects the number of ships to 14,
 * from 40") are listed with the source, and a quote or claim whose passage meets the corrected words
 * names them in `sourceCorrections`.
 *
 * Anyone can check the quotes against the sources: each source gives the SHA-256 of its text as the
 * verbatim check read it, and its text where it may be published in full, its excerpts where not.
 * `annotations` gives every place a quote, claim or account takes from a source as a W3C Web
 * Annotation (./annotations.ts), which they name by id; its offsets, like the excerpts', are code points.
 *
 * The shape is defined once, by the zod schemas below: the types `toOpenData` returns are derived
 * from them, and the JSON Schemas published at /data/schema/ are generated from them
 * (`openDataJsonSchema`), so the data, its types and its published description cannot drift apart.
 */

const id = entityId;
const ids = z.array(id);

/** The terms the data may be reused on: the data licence of the site's configuration (content/site.yaml). */
const licenceSchema = z.object({
  /** The licence's name: "CC BY 4.0". */
  name: z.string(),
  /** The address of the licence's text. */
  url: z.url(),
});

/** A data licence, as the site's configuration gives it. */
export type DataLicence = z.output<typeof licenceSchema>;

/** A date as the content gives it, plus how pages show it. */
const datedSchema = dateValueSchema.safeExtend({
  /** The date in words, as pages show it: "7 May 2021", "late April 2021". */
  inWords: z.string(),
  /** The machine-readable value(s) at the date's own precision: one, or the two ends of a range. */
  datetime: z.union([z.tuple([z.string()]), z.tuple([z.string(), z.string()])]),
});

/** A speaker or holder the source does not name: described, never an actor id. */
const unnamedSpeakerSchema = z.object({
  /** Always `true`: tells an unnamed speaker from an actor id. */
  unnamed: z.literal(true),
  /** Who the source says it is, in its words. */
  description: z.string(),
  /** The actor id of the organisation the source ties the speaker to, or null. */
  affiliation: id.nullable(),
});

/** Who holds a claim or gives an account: actor ids, or holders the source does not name. */
const holders = z.array(z.union([id, unnamedSpeakerSchema]));

/** Who gives one account of a claim or event. */
const accountShape = {
  /** Actor ids, or unnamed holders, of who gives this account. */
  claimants: holders,
  /** Whether the source itself gives this account, in its own voice. */
  sourceVoice: z.boolean(),
};

/** A correction or update to a quote or claim, as the story page's "Corrections and updates" lists it. */
const correctionSchema = z.object({
  /** Its id: the anchor of its entry on the story page, `k-<date>-<quote|claim>-<id>`. */
  id: z.string(),
  /** Its entry on the story page. */
  url: z.url(),
  /** The day it was published. */
  date: z.iso.date(),
  /** `correction`: what the page said was wrong; `update`: it was right then and has moved on; `withdrawn`: taken out of the story. */
  kind: z.enum(correctionKinds),
  /** The id of the quote it changed or withdrew, or null. */
  quote: id.nullable(),
  /** The id of the claim it changed or withdrew, or null. */
  claim: id.nullable(),
  /** The id of the source whose text (our copy) it changed, or null. */
  source: id.nullable(),
  /** What the page said before, by field (`words`, `speaker`, `name`, `role`, `form`, `medium`, `said`, `translation`; `text`, `status`, `holders`, `versions`; `textHash`). */
  was: z.partialRecord(z.enum(correctableFieldNames), z.string()),
  /** What changed and why, for readers. */
  note: z.string(),
});

const quoteSchema = z.object({
  /** The quote's id. */
  id,
  /** Its card on the story page. */
  url: z.url(),
  /** The words, as the editor wrote them (edit marks included). */
  words: z.string(),
  /** Their language (BCP 47). */
  lang: z.string(),
  /** The words in the site's language when said in another, and who translated them. */
  translation: z
    .object({
      /** The translation. */
      words: z.string(),
      /** `source` when a source publishes it, `us` when it is ours. */
      by: z.enum(['source', 'us']),
      /** The source id that publishes it, or null when it is ours. */
      source: id.nullable(),
    })
    .nullable(),
  /** How the source gives the words. */
  form: z.enum(quoteForms),
  /** How they were said. */
  medium: z.enum(media),
  /** How we know the medium: `stated` by the source, or `inferred` by us from the source's words (`mediumFrom`). */
  mediumProvenance: z.enum(mediumProvenances),
  /** The source's words the medium rests on, when the content records them, or null. */
  mediumFrom: z.string().nullable(),
  /** An actor id, or an unnamed speaker. */
  speaker: z.union([id, unnamedSpeakerSchema]),
  /** The speaker's role when the words were said, in words, or null. */
  role: z.string().nullable(),
  /** The actor id of the organisation that role belongs to, or null. */
  roleOf: id.nullable(),
  /** When the words were said, or null when the source gives no date. */
  said: datedSchema.nullable(),
  /** The source id the words are taken from. */
  source: id,
  /** Why the speaker is who we say, when the source is not explicit, or null. */
  attribution: z.string().nullable(),
  /** Claim ids that cite the quote. */
  claims: ids,
  /** Event ids that cite the quote. */
  events: ids,
  /** The ids (`sc-<n>`) of its source's own corrections whose corrected words its words, or the sentence a paraphrase restates, meet. */
  sourceCorrections: z.array(z.string()),
  /** The id of the annotation of its words, or of the sentence a paraphrase restates, in its source (`annotations`); null when the content records no place in the source. */
  annotation: z.url().nullable(),
});

const claimSchema = z.object({
  /** The claim's id. */
  id,
  /** The claim on the story page. */
  url: z.url(),
  /** The claim, plainly. */
  text: z.string(),
  /** How far it stands. */
  status: z.enum(claimStatuses),
  /** Actor ids, or unnamed holders, of who makes it. */
  claimants: holders,
  /** Actor ids of who disputes or denies it. */
  disputedBy: ids,
  /** The source id where it is made. */
  source: id,
  /** Quote ids that support or state it. */
  quotes: ids,
  /** Sentences of the source that support it, verbatim. */
  passages: z.array(z.string()),
  /** For a contested claim, its competing accounts. */
  versions: z.array(
    z.object({
      /** This account, plainly. */
      text: z.string(),
      ...accountShape,
      /** Quote ids that give or support this account. */
      quotes: ids,
      /** Sentences of the source that give this account, verbatim. */
      passages: z.array(z.string()),
      /** The ids of the annotations of this account's passages, in order. */
      annotations: z.array(z.url()),
    }),
  ),
  /** The ids (`sc-<n>`) of its source's own corrections whose corrected words its passages, or its accounts', meet. */
  sourceCorrections: z.array(z.string()),
  /** The ids of the annotations of its passages, then of its accounts' passages, in order. */
  annotations: z.array(z.url()),
});

/** A correction the source itself published: its own words, never ours (ours are the story's `corrections`). */
const sourceCorrectionSchema = z.object({
  /** Its id among the source's corrections, `sc-<n>`, from 1 in the content's order. */
  id: z.string(),
  /** The correction on the source's page. */
  url: z.url(),
  /** What the source corrected, in a few words. */
  corrects: z.string(),
  /** The corrected words, as the text now has them. */
  to: z.string(),
  /** The words the text had before, as the correction gives them, or null when it does not. */
  from: z.string().nullable(),
  /** The correction as the source words it, verbatim. */
  notice: z.string(),
  /** When the source made it, or null when it does not say. */
  date: datedSchema.nullable(),
});

/** A new date the source gives only in words ("after Ramadan"), with the bound we read from them. */
const wordsDatedSchema = wordsDateSchema.safeExtend({
  /** Our bound in words: "not before 20 March 2026". The bound is ours; `statedAs` is the source's. */
  boundInWords: z.string(),
});

/** What an undated event is placed against: another event of the story, or a date; the other is null. */
const orderBoundDataSchema = z.object({
  /** The id of the other event, or null. */
  event: id.nullable(),
  /** The date (YYYY, YYYY-MM or YYYY-MM-DD), or null. */
  date: z.string().nullable(),
});

const eventSchema = z.object({
  /** The event's id. */
  id,
  /** The event on the story page's timeline. */
  url: z.url(),
  /** A short headline for it. */
  title: z.string(),
  /**
   * When it happens. Where the accounts give different dates (`datesDiffer`), no one account's date:
   * one day we cannot pin down, from the first day any account allows to the last, inferred, its
   * `reasoning` and `inWords` giving every account; each account's own date is in `versions`.
   */
  when: datedSchema.nullable(),
  /**
   * For an event the source gives no date for (`when` is null), where it places it: before and/or
   * after another event or a date, and the source's words. Null for a dated event.
   */
  order: z
    .object({
      /** What it came before, or null. */
      before: orderBoundDataSchema.nullable(),
      /** What it came after, or null. */
      after: orderBoundDataSchema.nullable(),
      /** The source's own words for the order. */
      statedAs: z.string(),
      /** The order as pages show it: "date not given; before “Union members vote”". */
      inWords: z.string(),
    })
    .nullable(),
  /** Whether the accounts give different dates: `when` is then only the stretch they allow together, never a date any of them gives. */
  datesDiffer: z.boolean(),
  /** Competing accounts of the date, when they differ. */
  versions: z.array(
    z.object({
      /** When this account says it happens. */
      when: datedSchema,
      ...accountShape,
      /** Sentences of the source that give this account, verbatim. */
      passages: z.array(z.string()),
      /** The ids of the annotations of this account's passages, in order. */
      annotations: z.array(z.url()),
    }),
  ),
  /** Where it stood as of the story's latest source; `under-way` and `expected` as of its own source's date (`source`). */
  status: z.enum(eventStatuses),
  /** Its date and standing in words, as pages show it: "Under way: since 24 February 2026; set to last until 10 March 2026; as of 4 March 2026". */
  standing: z.string(),
  /** For a postponed event, the new date: a date, or the source's words with our bound (`notBefore`/`notAfter`); or null. */
  movedTo: z.union([datedSchema, wordsDatedSchema]).nullable(),
  /** For an event under way, whose `when` is the day it began: the day it is set to end, or null. */
  until: datedSchema.nullable(),
  /** For an expected event: who expects it and how `when` bounds it, or null. Never a set date. */
  expectation: z
    .object({
      /** Actor ids of who expects it. */
      holders: ids,
      /** A holder the source does not name, or null. */
      unnamed: unnamedSpeakerSchema.nullable(),
      /** Whether the source itself expects it, in its own voice. */
      sourceVoice: z.boolean(),
      /** `by`: expected no later than the last day of `when`; `on`: expected on `when`, or some day within it. */
      timing: z.enum(expectationTimings),
    })
    .nullable(),
  /** What happened, in plain text. */
  text: z.string(),
  /** The source id that reports it. */
  source: id,
  /** Actor ids of who took part. */
  actors: ids,
  /** Quote ids said at or about it. */
  quotes: ids,
  /** Claim ids it bears on. */
  claims: ids,
  /** The same real event in other stories. */
  sameAs: z.array(
    z.object({
      /** `<story-slug>/<event-id>`. */
      id: z.string(),
      /** Its address on that story's page. */
      url: z.url(),
    }),
  ),
});

/** One story's open data: `/data/stories/<slug>.json`. */
export const storyDataSchema = z
  .object({
    /** The terms this file may be reused on. */
    licence: licenceSchema,
    /** The story's slug: the name of its folder, part of every URL of the story. */
    slug: id,
    /** The story page. */
    url: z.url(),
    /** The headline. */
    title: z.string(),
    /** The sentence or two under the headline. */
    dek: z.string(),
    /** "The bottom line", a few bullets. */
    bottomLine: z.array(z.string()),
    /** The day the story was first published. */
    published: z.iso.date(),
    /** The day it was last updated. */
    updated: z.iso.date(),
    /** Every correction and update, newest first. */
    corrections: z.array(correctionSchema),
    /** Every quote. */
    quotes: z.array(quoteSchema),
    /** Every claim. */
    claims: z.array(claimSchema),
    /** Every event, in timeline order. */
    events: z.array(eventSchema),
    /** Every actor an id in this file refers to. */
    actors: z.array(
      z.object({
        /** The actor's id, also its page: /actors/<id>/. */
        id: id,
        /** The full name. */
        name: z.string(),
        /** A person or an organisation. */
        kind: actorSchema.shape.kind,
        /** What tells namesakes apart, or null. */
        disambiguation: z.string().nullable(),
      }),
    ),
    /** Every source of the story. */
    sources: z.array(
      z.object({
        /** The source's id. */
        id,
        /** Its headline. */
        title: z.string(),
        /** Who published it, or null. */
        publisher: z.string().nullable(),
        /** Where it was published, or null. */
        url: z.url().nullable(),
        /** A copy in a web archive and the day it was taken, or null. */
        archived: z.object({ url: z.url(), on: z.iso.date() }).nullable(),
        /** The day its text was retrieved from the original, or null. */
        retrieved: z.iso.date().nullable(),
        /** When it was published. */
        published: datedSchema,
        /** Its language (BCP 47). */
        lang: z.string(),
        /** `full`: its page publishes the whole text; `excerpts`: only the passages quoted, a sentence either side. */
        publish: z.enum(publishModes),
        /** Corrections the source itself published, in its order. */
        corrections: z.array(sourceCorrectionSchema),
        /** Its page on this site, which annotations target besides the original. */
        page: z.url(),
        /** The lowercase hex SHA-256 of the UTF-8 bytes of its text, exactly as the build's verbatim check read it. */
        textSha256: z.string().regex(/^[0-9a-f]{64}$/),
        /** The whole text when `publish` is `full`; null when only excerpts may be published. */
        text: z.string().nullable(),
        /** For `publish: excerpts`, what its page publishes: each excerpt's code points (`start` to `end`, from 0) and text. Empty for `full`. */
        excerpts: z.array(
          z.object({
            /** Where the excerpt starts in the text, in code points from 0. */
            start: z.int().nonnegative(),
            /** Where it ends (exclusive), in code points. */
            end: z.int().nonnegative(),
            /** The text's code points from `start` to `end`. */
            text: z.string(),
          }),
        ),
      }),
    ),
    /** A W3C Web Annotation for each quote's place in its source and each claim's and account's passage. */
    annotations: z.array(annotationSchema),
  })
  .meta({ title: 'Story', description: "One story's quotes, claims and events as open data." });

/** The index of the open data: `/data/stories.json`. */
export const storiesIndexSchema = z
  .object({
    /** The terms the open data may be reused on. */
    licence: licenceSchema,
    /** Every story, newest first. */
    stories: z.array(
      z.object({
        /** The story's slug. */
        slug: id,
        /** The headline. */
        title: z.string(),
        /** The day it was first published. */
        published: z.iso.date(),
        /** The day it was last updated. */
        updated: z.iso.date(),
        /** The story page. */
        url: z.url(),
        /** Its open data. */
        data: z.url(),
      }),
    ),
  })
  .meta({ title: 'Stories', description: 'Every story of the site and the address of its open data.' });

type Dated = z.output<typeof datedSchema>;
export type StoryData = z.output<typeof storyDataSchema>;
export type StoriesIndex = z.output<typeof storiesIndexSchema>;

/**
 * The JSON Schema (draft 2020-12) of a kind of open-data file, with `$id` its address on this site.
 * Dates are described as the content's date value is (src/lib/model/date.ts); the checks across
 * fields that the content's schema makes (one shape of date, `reasoning` for an inferred date) are
 * not expressible there and are left out.
 */
export function openDataJsonSchema(kind: keyof typeof SCHEMA_PATHS, site: URL): Record<string, unknown> {
  const schema = kind === 'story' ? storyDataSchema : storiesIndexSchema;
  return { $id: absoluteUrl(SCHEMA_PATHS[kind], site), ...z.toJSONSchema(schema, { io: 'output' }) };
}

/** The index of the open data: every story, newest first, with its page and its data. */
export function toStoriesIndex(stories: readonly Story[], site: URL, licence: DataLicence): StoriesIndex {
  return {
    licence,
    stories: stories.map((story) => ({
      slug: story.slug,
      title: story.title,
      published: story.published,
      updated: story.updated,
      url: absoluteUrl(storyPath(story.slug), site),
      data: absoluteUrl(dataPath(story.slug), site),
    })),
  };
}

/** A date with the words and machine values pages show; null where the content gives none. */
function dated(date: DateValue): Dated;
function dated(date: DateValue | undefined): Dated | null;
function dated(date: DateValue | undefined): Dated | null {
  return date === undefined ? null : { ...date, inWords: formatDate(date), datetime: datetimeValues(date) };
}

const boundData = (bound: OrderBound | undefined) =>
  bound === undefined ? null : { event: bound.event?.id ?? null, date: bound.date ?? null };

const idsOf = (items: readonly { id: string }[]) => items.map((item) => item.id);

const unnamedData = (speaker: UnnamedSpeaker) => ({
  unnamed: true as const,
  description: speaker.description,
  affiliation: speaker.affiliation?.id ?? null,
});

const speakerData = (speaker: Speaker) => (isUnnamed(speaker) ? unnamedData(speaker) : speaker.id);

const accountData = (account: Account) => ({
  claimants: account.claimants.map(speakerData),
  sourceVoice: account.sourceVoice,
});

/** The story as open data, under the data licence; `actors` names the organisations roles belong to. */
export function toOpenData(story: Story, site: URL, actors: ActorLookup, licence: DataLicence): StoryData {
  const inStory = (anchor: string) => absoluteUrl(inStoryPath(story.slug, anchor), site);
  // Every actor an id refers to is listed: the story's, and the organisations its speakers' roles name.
  const listed = new Map(story.actors.map((actor) => [actor.id, actor]));
  for (const { role } of story.quotes) {
    const organisation = role?.of === undefined ? undefined : actors.get(role.of);
    if (organisation) listed.set(organisation.id, organisation);
  }
  // Each source's page and anchoring, once: the annotations of every passage taken from it read them.
  const anchoring = new Map(
    story.sources.map((source) => {
      const page = absoluteUrl(sourcePath(story.slug, source.id), site);
      const excerpts = source.publish === 'excerpts' ? sourceExcerpts(story, source) : undefined;
      return [
        source.id,
        { page, ...anchorsIn({ text: source.text, file: source.file, url: source.url, page, excerpts }) },
      ];
    }),
  );
  const anchoringOf = (source: Source) => {
    const found = anchoring.get(source.id);
    if (!found)
      throw new Error(`${source.file}: source "${source.id}" is not among the sources of story "${story.slug}"`);
    return found;
  };
  // Every annotation, in the file's order: the quotes', then the claims', then the events'.
  const annotations: Annotation[] = [];
  const annotate = (source: Source, id: string, body: string, span: Range): string => {
    const annotation = anchoringOf(source).annotate(id, body, span);
    annotations.push(annotation);
    return annotation.id;
  };
  const quoteAnnotations = story.quotes.map((quote) => {
    const at = quote.span ?? quote.passage;
    const page = absoluteUrl(quotePath(quote), site);
    return at ? annotate(quote.source, `${page}#annotation`, page, at) : null;
  });
  // A claim's or event's passages, in groups (its own, then each account's), numbered from 1 across them all.
  const passageAnnotations = (source: Source, anchor: string, groups: readonly (readonly Range[])[]) => {
    const body = inStory(anchor);
    let n = 0;
    return groups.map((spans) => spans.map((span) => annotate(source, `${body}-passage-${String(++n)}`, body, span)));
  };
  const claimAnnotations = story.claims.map((claim) =>
    passageAnnotations(claim.source, claim.anchor, [claim.passages, ...claim.versions.map((v) => v.passages)]),
  );
  const eventAnnotations = story.events.map((event) =>
    passageAnnotations(
      event.source,
      event.anchor,
      event.versions.map((v) => v.passages),
    ),
  );
  return {
    licence,
    slug: story.slug,
    url: absoluteUrl(storyPath(story.slug), site),
    title: story.title,
    dek: story.dek,
    bottomLine: story.bottomLine,
    published: story.published,
    updated: story.updated,
    corrections: story.corrections.map((correction) => ({
      id: correction.anchor,
      url: inStory(correction.anchor),
      date: correction.date,
      kind: correction.kind,
      quote: correction.quote ?? null,
      claim: correction.claim ?? null,
      source: correction.source ?? null,
      was: correction.was,
      note: correction.note,
    })),
    quotes: story.quotes.map((quote, i) => ({
      id: quote.id,
      url: inStory(quote.anchor),
      words: quote.words,
      lang: quote.lang,
      translation:
        quote.translation === undefined
          ? null
          : {
              words: quote.translation.words,
              by: quote.translation.by,
              source: quote.translation.by === 'source' ? quote.translation.source.id : null,
            },
      form: quote.form,
      medium: quote.medium,
      mediumProvenance: quote.mediumBasis?.provenance ?? 'stated',
      mediumFrom: quote.mediumBasis?.words ?? null,
      speaker: speakerData(quote.speaker),
      role: quote.role ? describeRole(quote.role, actors) : null,
      roleOf: quote.role?.of ?? null,
      said: dated(quote.said),
      source: quote.source.id,
      attribution: quote.attribution ?? null,
      claims: quote.claims,
      events: quote.events,
      sourceCorrections: quoteSourceCorrections(quote).map((correction) => correction.anchor),
      annotation: quoteAnnotations[i] ?? null,
    })),
    claims: story.claims.map((claim, i) => ({
      id: claim.id,
      url: inStory(claim.anchor),
      text: claim.text,
      status: claim.status,
      claimants: claim.claimants.map(speakerData),
      disputedBy: idsOf(claim.disputedBy),
      source: claim.source.id,
      quotes: idsOf(claim.quotes),
      passages: claim.passages.map((span) => passageInFull(span, claim.source.text)),
      versions: claim.versions.map((version, j) => ({
        text: version.text,
        ...accountData(version),
        quotes: idsOf(version.quotes),
        passages: version.passages.map((span) => passageInFull(span, claim.source.text)),
        annotations: claimAnnotations[i]?.[j + 1] ?? [],
      })),
      sourceCorrections: claimSourceCorrections(claim).map((correction) => correction.anchor),
      annotations: claimAnnotations[i]?.flat() ?? [],
    })),
    events: story.events.map((event, i) => ({
      id: event.id,
      url: inStory(event.anchor),
      title: event.title,
      when:
        event.versions.length === 0
          ? dated(event.when)
          : {
              ...dated(accountsTogether(event.versions, sourceVoiceName(event.source))),
              inWords: accountsInWords(event.versions, sourceVoiceName(event.source)),
            },
      order: event.order
        ? {
            before: boundData(event.order.before),
            after: boundData(event.order.after),
            statedAs: event.order.statedAs,
            inWords: orderInWords(event.order),
          }
        : null,
      datesDiffer: event.versions.length > 0,
      versions: event.versions.map((version, j) => ({
        when: dated(version.when),
        ...accountData(version),
        passages: version.passages.map((span) => passageInFull(span, event.source.text)),
        annotations: eventAnnotations[i]?.[j] ?? [],
      })),
      status: event.status,
      standing: describeEventDate(event, story.asOf, sourceVoiceName(event.source)),
      movedTo:
        event.movedTo !== undefined && isWordsDate(event.movedTo)
          ? { ...event.movedTo, boundInWords: wordsDateBound(event.movedTo) }
          : dated(event.movedTo),
      until: dated(event.until),
      expectation: event.expectation
        ? {
            holders: idsOf(event.expectation.holders),
            unnamed: event.expectation.unnamed ? unnamedData(event.expectation.unnamed) : null,
            sourceVoice: event.expectation.sourceVoice,
            timing: event.expectation.timing,
          }
        : null,
      text: event.text,
      source: event.source.id,
      actors: idsOf(event.actors),
      quotes: idsOf(event.quotes),
      claims: idsOf(event.claims),
      sameAs: event.sameAs.map((other) => {
        const [slug = '', id = ''] = other.split('/');
        return { id: other, url: absoluteUrl(inStoryPath(slug, `e-${id}`), site) };
      }),
    })),
    actors: [...listed.values()].map((actor: ActorRecord) => ({
      id: actor.id,
      name: actor.name,
      kind: actor.kind,
      disambiguation: actor.disambiguation ?? null,
    })),
    sources: story.sources.map((source) => ({
      id: source.id,
      title: source.title,
      publisher: source.publisher ?? null,
      url: source.url ?? null,
      archived: source.archived ?? null,
      retrieved: source.retrieved ?? null,
      published: dated(source.published),
      lang: source.lang,
      publish: source.publish,
      corrections: source.corrections.map((correction) => ({
        id: correction.anchor,
        url: absoluteUrl(sourceCorrectionPath(story.slug, source, correction), site),
        corrects: correction.corrects,
        to: correction.to,
        from: correction.from ?? null,
        notice: passageInFull(correction.notice, source.text),
        date: dated(correction.date),
      })),
      page: anchoringOf(source).page,
      textSha256: textSha256(source.text),
      text: source.publish === 'full' ? source.text : null,
      excerpts: anchoringOf(source).excerpts,
    })),
    annotations,
  };
}
