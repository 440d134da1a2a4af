import { z } from 'astro/zod';
import { linkProblem } from './links.ts';
import { calendarDay, calendarValue, dateValueSchema, type DateValue } from './date.ts';
import { firstDay, lastDay } from './calendar.ts';
import { languageTag, SITE_LANGUAGE } from './language.ts';

/**
 * The content model: one schema per kind of file under `content/`. Every object is strict, so a
 * misspelt field (`speakr`) fails the build instead of being ignored. Ids are file names; references
 * between files are plain ids here and are checked against what exists when a story is assembled
 * (`src/lib/assemble/story.ts`), where the error can name both files.
 */

/** Lower-case words joined by hyphens, as in a file name: how every id is written. */
const ID_WORDS = '[a-z0-9]+(?:-[a-z0-9]+)*';
/** A whole id: the one definition, which the folder scan, the story text and the commands use too. */
export const ID_PATTERN = new RegExp(`^${ID_WORDS}$`);

/** A stable id: lower-case words joined by hyphens, as in a file name. */
export const entityId = z
  .string()
  .regex(ID_PATTERN, { error: 'expected an id in lower-case-with-hyphens, as in a file name' });

const text = z.string().trim().min(1);

export const roleSchema = z.strictObject({
  /** The title as the sources give it: "US Special Representative for Afghanistan Reconciliation". */
  title: text,
  /** The organisation the role belongs to, in words: "Afghan peace delegation". */
  organisation: text.optional(),
  /** The organisation the role belongs to as an actor id, so what the holder says reaches that actor's page; its name stands in for `organisation`. */
  of: entityId.optional(),
  /** When the role began, if known (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  from: calendarValue.optional(),
  /** When the role ended, if it has. */
  to: calendarValue.optional(),
});

export const actorSchema = z.strictObject({
  /** The full display name; pages never shorten it to a bare surname. */
  name: text,
  /** Whether this is one person, or an organisation, government or group acting as one. */
  kind: z.enum(['person', 'organisation']),
  /** What tells this actor apart from another of the same name; required when two actors share `name`. */
  disambiguation: text.optional(),
  /** Roles held, newest last; the role at the time of a quote is the one whose dates cover it. */
  roles: z.array(roleSchema).default([]),
  /** Other names the sources use for this actor ("US peace envoy"), never shown alone where ambiguous. */
  aliases: z.array(text).default([]),
  /** `true` when the name takes "the" in running text ("what the Taliban said"); headings and lists of names show it bare. */
  withThe: z.boolean().optional(),
});

/**
 * Someone who writes or edits stories for the site, in `content/authors/<id>.md`: the byline a story
 * gives (its `authors` and `editors`) and the author's own page. Never an actor: authors report, actors
 * are reported on.
 */
export const authorSchema = z.strictObject({
  /** The name the byline gives, in full. */
  name: text,
  /** `person` for one person; `team` for a desk or team that signs together ("the editorial team"). */
  kind: z.enum(['person', 'team']).default('person'),
  /** What they do for the site, as the author page gives it: "Editor", "Reporter". */
  role: text,
  /** Who they are and what they bring, in a sentence or three, as the author page gives it. */
  bio: text,
  /** The languages they report in, BCP 47 tags ("en", "ps", "fa-AF"). */
  languages: z.array(languageTag).min(1),
  /** The subjects and places they cover ("Afghanistan", "diplomacy"). */
  areas: z.array(text).default([]),
  /** An address readers can write to them at; the site's editorial address when absent. */
  contact: z.email().optional(),
});

/**
 * What a correction can name, by kind of item: each field of what a published quote, claim or source
 * says that the published record keeps (src/lib/outputs/record.ts), as a page shows it.
 */
export const correctableFields = {
  quote: ['words', 'speaker', 'name', 'role', 'form', 'medium', 'said', 'translation'],
  claim: ['text', 'status', 'holders', 'versions'],
  source: ['textHash'],
} as const;

/** The kinds of item a correction can be to. */
export type CorrectedKind = keyof typeof correctableFields;
export const correctedKinds = Object.keys(correctableFields) as CorrectedKind[];

/** Every field a correction can name, of any kind. */
export const correctableFieldNames = [
  ...correctableFields.quote,
  ...correctableFields.claim,
  ...correctableFields.source,
] as const;

export const correctionKinds = ['correction', 'update', 'withdrawn'] as const;

/** The field a withdrawal must give, so the story still says what was withdrawn: a quote's words, a claim's text. */
export const WITHDRAWN_SAID = { quote: 'words', claim: 'text' } as const;

/**
 * One entry of a story's corrections log: a change to what a published quote, claim or source says,
 * or the withdrawal of a quote or claim, dated and explained. Once published (recorded in
 * `content/published-record.json`) an entry stays as it was published; a build that changes or
 * removes a published quote or claim without one fails (src/lib/outputs/record.ts).
 */
export const correctionSchema = z
  .strictObject({
    /** The day the change was published, `YYYY-MM-DD`; not before the story's `published`, not after its `updated`. */
    date: calendarDay,
    /** `correction`: what the page said was wrong; `update`: it was right then and has moved on (a claim since confirmed); `withdrawn`: the quote or claim is taken out of the story. */
    kind: z.enum(correctionKinds).default('correction'),
    /** The id of the quote the change is to; or `claim`, or `source`. */
    quote: entityId.optional(),
    /** The id of the claim the change is to; or `quote`, or `source`. */
    claim: entityId.optional(),
    /** The id of the source whose text (our copy of it) changed; or `quote`, or `claim`. */
    source: entityId.optional(),
    /** What the page said before, by field, exactly as the build's message gives it (`words`, `speaker`, `name`, `role`, `form`, `medium`, `said`, `translation` for a quote; `text`, `status`, `holders`, `versions` for a claim; `textHash` for a source); a withdrawal gives at least a quote's `words` or a claim's `text`. */
    was: z.partialRecord(z.enum(correctableFieldNames), z.string()),
    /** What changed and why, in a sentence or two, for readers. */
    note: text,
  })
  .superRefine((entry, ctx) => {
    const named = correctedKinds.filter((kind) => entry[kind] !== undefined);
    if (named.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['quote'],
        message: 'expected the id of what changed: `quote: <id>`, `claim: <id>` or `source: <id>`, one of them',
      });
      return;
    }
    const kind = named[0]!;
    const allowed: readonly string[] = correctableFields[kind];
    const fields = Object.keys(entry.was);
    if (fields.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['was'],
        message: `expected what the page said before, by field (${allowed.join(', ')})`,
      });
    }
    for (const field of fields.filter((field) => !allowed.includes(field))) {
      ctx.addIssue({
        code: 'custom',
        path: ['was', field],
        message: `expected a field a ${kind} correction can name: ${allowed.join(', ')}`,
      });
    }
    if (entry.kind === 'withdrawn') {
      if (kind === 'source') {
        ctx.addIssue({
          code: 'custom',
          path: ['kind'],
          message: 'expected `correction` or `update`: a quote or a claim can be withdrawn, a source cannot',
        });
      } else if (entry.was[WITHDRAWN_SAID[kind]] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['was', WITHDRAWN_SAID[kind]],
          message: `expected what the withdrawn ${kind} said, so the story still shows readers what was withdrawn`,
        });
      }
    }
  });

export const storySchema = z.strictObject({
  /** The headline. */
  title: text,
  /** One or two sentences under the headline saying why the story matters. */
  dek: text,
  /** "The bottom line": two to five short bullets a reader can stop after. */
  bottomLine: z.array(text).min(1).max(5),
  /** The day the explainer was first published, `YYYY-MM-DD`. */
  published: calendarDay,
  /** The day the explainer was last updated, `YYYY-MM-DD`; not before `published`. */
  updated: calendarDay,
  /** Who wrote it: author ids, files `content/authors/<id>.md`, in the byline's order. */
  authors: z.array(entityId).default([]),
  /** Who edited it: author ids, as for `authors`. */
  editors: z.array(entityId).default([]),
  /** Quote ids the printed briefing shows; default: every direct and reported quote. */
  keyQuotes: z.array(entityId).optional(),
  /** Corrections and updates to published quotes and claims, in any order; pages list them newest first. */
  corrections: z.array(correctionSchema).default([]),
  /** `true` while the story is not published: built by `npm run dev` and `npm run build:preview` only, marked as a draft on its pages. */
  draft: z.boolean().default(false),
});

/** A web address as every address in the content is written (links.ts), stored as the URL parser writes it. */
const webAddress = z
  .httpUrl({ abort: true })
  // The rule every address in the content follows (links.ts), as a browser reads the address.
  .superRefine((url, ctx) => {
    const problem = linkProblem(url);
    if (problem !== undefined)
      ctx.addIssue({
        code: 'custom',
        message: `expected a web address starting with http:// or https://, not ${problem}`,
      });
  })
  // Stored as the URL parser writes it: characters that may not stand in an address are percent-encoded.
  .transform((url) => new URL(url).href);

/**
 * How much of a source's text its page may publish. `excerpts`, the default, is what third-party
 * journalism allows: each passage the story quotes with a sentence of context either side; the full
 * text stays in the repository for the verbatim check. `full`: our own documents, public statements,
 * public-domain and demonstration texts.
 */
export const publishModes = ['full', 'excerpts'] as const;

export const archivedCopySchema = z.strictObject({
  /** The copy's address in a web archive (`https://web.archive.org/web/20210508…/https://…`). */
  url: webAddress,
  /** The day the archive took the copy, `YYYY-MM-DD`. */
  on: calendarDay,
});

/**
 * A correction the source itself published ("Corrects the number of ships to 14, from 40, in
 * paragraph 3"; "An earlier version of this story misstated …"): not ours, which the story's
 * `corrections` log keeps. Every part is the source's own words, checked against its text, so a page
 * never says more about it than the source does.
 */
export const sourceCorrectionSchema = z.strictObject({
  /** What the source corrected, in a few words: "the number of ships". */
  corrects: text,
  /** The corrected words as the text now has them ("14"), verbatim: they must stand in the text outside the correction's own words. */
  to: text,
  /** The words the text had before ("40"), as the correction gives them: verbatim in `notice`; omit when the source does not say. */
  from: text.optional(),
  /** The correction as the source words it, verbatim: "Corrects the number of ships to 14, from 40, in paragraph 3". */
  notice: text,
  /** When `to` stands more than once outside the notice: the source's sentence that holds the corrected words, verbatim. */
  passage: text.optional(),
  /** When the source made the correction, if it says: a date value. */
  date: dateValueSchema.optional(),
});

export const sourceSchema = z.strictObject({
  /** The headline as published; a title we supply goes in [square brackets], as archives do. */
  title: text,
  /** Who published it, if known. */
  publisher: text.optional(),
  /** Where it was published, if known: the original. */
  url: webAddress.optional(),
  /** A copy of the original in a web archive, which cannot change under a reader: its address and the day it was taken. */
  archived: archivedCopySchema.optional(),
  /** The day we retrieved the text from the original, `YYYY-MM-DD`. */
  retrieved: calendarDay.optional(),
  /** When it was published: a date value, so an inferred date says so and why. */
  published: dateValueSchema,
  /** Where our copy of the text comes from and anything an editor should know about it. */
  note: text.optional(),
  /** The language the source is written in, a BCP 47 tag ("ps" Pashto, "fa-AF" Dari); default: the site's, `en`. */
  lang: languageTag.default(SITE_LANGUAGE),
  /** `full`: the source page publishes the whole text; `excerpts` (default): only the passages quoted, a sentence either side. */
  publish: z.enum(publishModes).default('excerpts'),
  /** Corrections the source itself published, in its order; not the story's own (the story's `corrections`). */
  corrections: z.array(sourceCorrectionSchema).default([]),
});

export const quoteForms = ['direct', 'reported', 'paraphrase'] as const;
export const media = [
  'tweet',
  'statement',
  'virtual meeting',
  'interview',
  'speech',
  'press conference',
  'remarks to reporters',
  'unstated',
] as const;

/** How we know a quote's medium: the source says it, or the editor reads it from the source's words. */
export const mediumProvenances = ['stated', 'inferred'] as const;

/**
 * A speaker the source does not name ("a senior Afghan government official, speaking on condition of
 * anonymity"). Described in the quote itself, never an actor: no page of its own, never merged with
 * another unnamed speaker, however alike their descriptions.
 */
export const unnamedSpeakerSchema = z.strictObject({
  /** Who the source says it is, in the source's own words: "a senior Afghan government official". */
  description: text,
  /** The actor id of the organisation the source ties the speaker to, if it does (their government, their group). */
  affiliation: entityId.optional(),
});

/**
 * The words of a quote in the site's language, when they were said in another. Who translated them
 * decides how a page shows them: a source's translation is quoted from that source (and checked
 * against it); ours is never put in quotation marks or presented as the speaker's words.
 */
export const translationSchema = z.discriminatedUnion('by', [
  z.strictObject({
    /** `source`: a source of the story publishes this translation. */
    by: z.literal('source'),
    /** The source id that publishes it; its text must contain the translation verbatim. */
    source: entityId,
    /** The translation, exactly as that source gives it. */
    words: text,
  }),
  z.strictObject({
    /** `us`: the translation is ours. */
    by: z.literal('us'),
    /** Our translation into the site's language. */
    words: text,
  }),
]);

export const quoteSchema = z
  .strictObject({
    /** The actor id of who said it; or, for a speaker the source does not name, `unnamed` instead. */
    speaker: entityId.optional(),
    /** A speaker the source does not name, described as the source describes them; instead of `speaker`. */
    unnamed: unnamedSpeakerSchema.optional(),
    /** The source id the words are taken from; its text must contain direct and reported quotes verbatim. */
    source: entityId,
    /** When it was said; omit only when the source gives no date at all. */
    said: dateValueSchema.optional(),
    /** How it was said; `unstated` when the source does not say. */
    medium: z.enum(media),
    /** How we know the medium, when the source implies it rather than says it ("told the broadcaster Harbour FM" is an interview); omitted, the source states it. */
    mediumBasis: z
      .strictObject({
        /** `inferred`: the editor reads the medium from the source's words; `stated`: the source names it. */
        provenance: z.enum(mediumProvenances),
        /** The source's words the medium rests on, verbatim (checked against the source). */
        words: text,
      })
      .optional(),
    /** `direct`: in quotation marks in the source; `reported`: the source's own words without them; `paraphrase`: never shown in quotation marks. */
    form: z.enum(quoteForms),
    /** For a paraphrase: the source's sentence it paraphrases, verbatim (checked like a quote). */
    passage: text.optional(),
    /** Why the speaker is who we say, when the source is not explicit (a bare surname, "the statement"). */
    attribution: text.optional(),
    /** The language of the words, a BCP 47 tag; default: the source's. A paraphrase is ours, in the site's language. */
    lang: languageTag.optional(),
    /** For words not in the site's language: their translation, and who made it. */
    translation: translationSchema.optional(),
  })
  .superRefine((quote, ctx) => {
    if ((quote.speaker === undefined) === (quote.unnamed === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['speaker'],
        message:
          quote.speaker === undefined
            ? 'expected `speaker` (an actor id), or `unnamed` with a `description` when the source does not name the speaker'
            : 'expected either `speaker` or `unnamed`, not both: a named speaker is an actor',
      });
    }
    if (quote.medium === 'unstated' && quote.mediumBasis !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['mediumBasis'],
        message:
          'expected a medium in `medium` for `mediumBasis` to rest on: a medium the source does not give is `unstated`, with no basis',
      });
    }
  });

export const claimStatuses = ['reported', 'disputed', 'denied', 'confirmed', 'unverified', 'contested'] as const;

/**
 * One who holds a claim or gives an account: an actor id, or a holder the source does not name
 * (`unnamed:` with the same fields an unnamed speaker has: "an official at the harbour office").
 */
export const holderSchema = z.union([entityId, z.strictObject({ unnamed: unnamedSpeakerSchema })], {
  error: 'expected an actor id, or `unnamed:` with a `description` for a holder the source does not name',
});

/**
 * Who gives one account: actor ids or unnamed holders, and/or the source in its own voice. Every
 * account names at least one: an account nobody gives cannot be attributed on the page.
 */
const accountHolders = {
  /** Who gives this account: actor ids, or `unnamed:` holders the source describes without naming. */
  claimants: z.array(holderSchema).default([]),
  /** `true` when the source itself gives this account, in its own voice ("the article reports"). */
  sourceVoice: z.boolean().default(false),
};

function requireHolder(account: AccountMeta, ctx: z.RefinementCtx) {
  if (account.claimants.length === 0 && !account.sourceVoice) {
    ctx.addIssue({
      code: 'custom',
      path: ['claimants'],
      message:
        'expected who gives this account: actor ids or `unnamed:` holders in `claimants`, or `sourceVoice: true` for the source itself',
    });
  }
}

/** One of two or more competing accounts of a claim, with its own holders and its own evidence. */
export const claimVersionSchema = z
  .strictObject({
    /** This account of the claim, plainly. */
    text,
    ...accountHolders,
    /** Quote ids that give or support this account. */
    quotes: z.array(entityId).default([]),
    /** Sentences of the source that give this account, verbatim (checked like quotes). */
    passages: z.array(text).default([]),
  })
  .superRefine(requireHolder);

export const claimSchema = z
  .strictObject({
    /** Who makes the claim: actor ids, or `unnamed:` holders the source describes without naming; empty when the source asserts it in its own voice. */
    claimants: z.array(holderSchema).default([]),
    /** The source id where the claim is made. */
    source: entityId,
    /** How far the claim stands: `reported`, `disputed`, `denied`, `confirmed`, `unverified`, or `contested` when accounts differ (give them in `versions`). */
    status: z.enum(claimStatuses),
    /** Actor ids of who disputes or denies it; required when `status` is `disputed` or `denied`. */
    disputedBy: z.array(entityId).default([]),
    /** Quote ids that support or state the claim. */
    quotes: z.array(entityId).default([]),
    /** Sentences of the source that support the claim, verbatim (checked like quotes). */
    passages: z.array(text).default([]),
    /** For a `contested` claim: the competing accounts, two or more, each with who gives it and its evidence; the body then says what they differ on. */
    versions: z.array(claimVersionSchema).default([]),
  })
  .superRefine((claim, ctx) => {
    if (claim.status === 'contested' && claim.versions.length < 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['versions'],
        message: 'expected two or more `versions` for a contested claim: each account, who gives it, and its evidence',
      });
    }
    if (claim.status !== 'contested' && claim.versions.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['versions'],
        message: `expected \`versions\` only on a contested claim (\`status: contested\`), not a ${claim.status} one`,
      });
    }
    if ((claim.status === 'disputed' || claim.status === 'denied') && claim.disputedBy.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['disputedBy'],
        message: `expected \`disputedBy\` to name who ${claim.status === 'denied' ? 'denies' : 'disputes'} it: a ${claim.status} claim needs at least one actor id`,
      });
    }
  });

/**
 * Where an event stood on the date of the story's latest source; `under-way` and `expected` on the
 * date of the event's own source, which is all it can say of them.
 */
export const eventStatuses = [
  'happened',
  'scheduled',
  'deadline',
  'postponed',
  'cancelled',
  'under-way',
  'expected',
] as const;

/** How an expected event's `when` bounds it: `on` it (or some day within it), or `by` it, not after its last day. */
export const expectationTimings = ['on', 'by'] as const;

/**
 * Who expects an event to happen, and how its `when` bounds it: an expectation someone holds
 * ("officials expect the government to step in by the end of the month"), never a set date. At
 * least one holder: actor ids, a holder the source does not name, or the source in its own voice.
 */
export const expectationSchema = z
  .strictObject({
    /** Actor ids of who expects it. */
    holders: z.array(entityId).default([]),
    /** A holder the source does not name ("officials"), described as quotes describe an unnamed speaker. */
    unnamed: unnamedSpeakerSchema.optional(),
    /** `true` when the source itself expects it, in its own voice ("the strike is expected to end …"). */
    sourceVoice: z.boolean().default(false),
    /** `by` when it is expected no later than `when` ("by the end of the month"); `on` (the default) when it is expected on `when`, or some day within it. */
    timing: z.enum(expectationTimings).default('on'),
  })
  .superRefine((expectation, ctx) => {
    if (expectation.holders.length === 0 && expectation.unnamed === undefined && !expectation.sourceVoice) {
      ctx.addIssue({
        code: 'custom',
        path: ['holders'],
        message:
          'expected who expects it: actor ids in `holders`, `unnamed` with a `description` for a holder the source does not name, or `sourceVoice: true` for the source itself',
      });
    }
  });

/** One of two or more accounts of when an event happens, with who gives it. */
export const eventVersionSchema = z
  .strictObject({
    /** When this account says the event happens. */
    when: dateValueSchema,
    ...accountHolders,
    /** Sentences of the source that give this account, verbatim (checked like quotes). */
    passages: z.array(text).default([]),
  })
  .superRefine(requireHolder);

/**
 * A new date the source gives in words with no date to them ("postponed until after Ramadan"): the
 * source's words, and the bound we read from them, which is ours and shown as ours.
 */
export const wordsDateSchema = z
  .strictObject({
    /** The source's own words for the new date, exactly as written: "after Ramadan". */
    statedAs: text,
    /** Our bound: the first day, month or year the date can be, from the words ("after Ramadan": the day after it ends). */
    notBefore: calendarValue.optional(),
    /** Our bound: the last day, month or year the date can be; not before `notBefore`. */
    notAfter: calendarValue.optional(),
    /** How the bound follows from the words ("Ramadan 2026 ends on 19 March"). */
    reasoning: text,
  })
  .superRefine((date, ctx) => {
    if (date.notBefore === undefined && date.notAfter === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['notBefore'],
        message: 'expected our best bound on the words: `notBefore`, `notAfter` or both (a day, month or year)',
      });
    }
    if (
      date.notBefore !== undefined &&
      date.notAfter !== undefined &&
      lastDay(date.notAfter) < firstDay(date.notBefore)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['notAfter'],
        message: `expected a bound not before \`notBefore\` (${date.notBefore})`,
      });
    }
  });

/** Whether a moved date is the source's words with our bound, rather than a date value. */
export const isWordsDate = (date: DateValue | WordsDate): date is WordsDate =>
  'notBefore' in date || 'notAfter' in date;

/** Words with a bound, or words with no date value's fields at all: the editor meant the source's words. */
const meansWords = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  ('notBefore' in value ||
    'notAfter' in value ||
    ['provenance', 'on', 'earliest', 'from'].every((field) => !(field in value)));

/**
 * A postponed event's new date: a date value, or (with `notBefore`/`notAfter`) the source's words
 * with our bound. The fields decide which, so a mistake is reported against the shape the editor meant.
 */
const movedDateSchema = z.unknown().transform((value, ctx): DateValue | WordsDate => {
  const parsed = meansWords(value) ? wordsDateSchema.safeParse(value) : dateValueSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  // The issues of the shape meant, as they are: their paths are already within `movedTo`.
  for (const issue of parsed.error.issues) ctx.addIssue({ ...issue });
  return z.NEVER;
});

/**
 * Where the source places an event it gives no date for: before or after another event of the same
 * story, or a date ("before the minister spoke", "after the vote"). Nothing is invented: the event
 * has no date, and the timeline places it by this order alone.
 */
export const orderBoundSchema = z
  .strictObject({
    /** The id of another event of the same story. */
    event: entityId.optional(),
    /** Or a date: a year, month or day. */
    date: calendarValue.optional(),
  })
  .superRefine((bound, ctx) => {
    if ((bound.event === undefined) === (bound.date === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['event'],
        message: 'expected one of `event` (an event id of this story) or `date` (YYYY, YYYY-MM or YYYY-MM-DD)',
      });
    }
  });

export const eventOrderSchema = z
  .strictObject({
    /** What the event came before: `{ event: <id> }` or `{ date: <date> }`. */
    before: orderBoundSchema.optional(),
    /** What the event came after: `{ event: <id> }` or `{ date: <date> }`. */
    after: orderBoundSchema.optional(),
    /** The source's own words for the order, exactly as written: "before the vote". */
    statedAs: text,
  })
  .superRefine((order, ctx) => {
    if (order.before === undefined && order.after === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['before'],
        message: 'expected `before`, `after` or both: the event or date the source places this event against',
      });
    }
  });

export const eventSchema = z
  .strictObject({
    /** A short headline for the event. */
    title: text,
    /** When it happens (for a planned event, when it was set for): a date value at its true precision. For an event whose date the accounts differ on, give `versions` instead. */
    when: dateValueSchema.optional(),
    /** Competing accounts of when the event happens, two or more, each with who gives it; instead of `when`. */
    versions: z.array(eventVersionSchema).default([]),
    /** For an event the source gives no date for, only an order ("before the vote"): what it came before or after; instead of `when`. */
    order: eventOrderSchema.optional(),
    /** As of the story's latest source: `happened` (the default), `scheduled`, a `deadline`, `postponed` or `cancelled`; as of the event's source: `under-way` (begun on `when`, not over) or `expected` (someone expects it; give `expectation`). */
    status: z.enum(eventStatuses).default('happened'),
    /** For a postponed event, whose `when` is the date it had been set for: the new date, if the source gives one; for one it gives only in words ("after Ramadan"), `statedAs` with our `notBefore`/`notAfter` bound and `reasoning`. */
    movedTo: movedDateSchema.optional(),
    /** For an event under way, whose `when` is the day it began: the day it is set to end, if the source gives one ("set to last until 10 March"). */
    until: dateValueSchema.optional(),
    /** For an expected event (`status: expected`): who expects it, and whether `when` is the day or a bound it is expected `by`. */
    expectation: expectationSchema.optional(),
    /** The source id that reports the event. */
    source: entityId,
    /** Actor ids of who took part. */
    actors: z.array(entityId).default([]),
    /** Quote ids said at or about the event. */
    quotes: z.array(entityId).default([]),
    /** Claim ids the event bears on. */
    claims: z.array(entityId).default([]),
    /** The same real event told in another story, as `<story-slug>/<event-id>`: actor pages then show it once. */
    sameAs: z
      .array(
        z.string().regex(new RegExp(`^${ID_WORDS}/${ID_WORDS}$`), {
          error: 'expected `<story-slug>/<event-id>`',
        }),
      )
      .default([]),
  })
  .superRefine((event, ctx) => {
    const dates = [
      event.when !== undefined && 'when',
      event.versions.length > 0 && 'versions',
      event.order !== undefined && 'order',
    ].filter((given) => given !== false);
    if (dates.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [dates[1] ?? 'when'],
        message:
          dates.length === 0
            ? 'expected `when`, or two or more `versions` when accounts of the date differ, or `order` when the source gives no date, only what the event came before or after'
            : `expected one of \`when\`, \`versions\` or \`order\`, not ${dates.map((given) => `\`${given}\``).join(' and ')}`,
      });
    }
    if (event.versions.length === 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['versions'],
        message: 'expected two or more `versions`: with one account, write it as `when`',
      });
    }
    if (event.movedTo !== undefined && event.status !== 'postponed') {
      ctx.addIssue({
        code: 'custom',
        path: ['movedTo'],
        message: `expected \`movedTo\` only on a postponed event (\`status: postponed\`), but the status is \`${event.status}\`${event.status === 'happened' ? ' (the default)' : ''}`,
      });
    }
    if (event.until !== undefined && event.status !== 'under-way') {
      ctx.addIssue({
        code: 'custom',
        path: ['until'],
        message: `expected \`until\` only on an event under way (\`status: under-way\`, with \`when\` the day it began), but the status is \`${event.status}\`${event.status === 'happened' ? ' (the default)' : ''}`,
      });
    }
    if (event.status === 'expected' && event.versions.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['versions'],
        message:
          "expected `when` on an expected event, not `versions`: an expectation is one holder's; where holders expect different dates, write one expected event each",
      });
    }
    if ((event.status === 'under-way' || event.status === 'expected') && event.order !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['order'],
        message: `expected \`when\` on an event ${event.status === 'expected' ? 'expected (the day or the bound it is expected by)' : 'under way (the day it began)'}, not \`order\`: an event the source gives no date for cannot be told as begun or due on one`,
      });
    }
    if ((event.expectation !== undefined) !== (event.status === 'expected')) {
      ctx.addIssue({
        code: 'custom',
        path: ['expectation'],
        message:
          event.status === 'expected'
            ? 'expected `expectation` on an expected event: who expects it (`holders`, `unnamed` or `sourceVoice`) and its `timing`'
            : `expected \`expectation\` only on an expected event (\`status: expected\`), but the status is \`${event.status}\`${event.status === 'happened' ? ' (the default)' : ''}`,
      });
    }
  });

/** A URL path of this site: a page (`/stories/<slug>/`, optionally `#<anchor>`) or a file (`/data/stories/<slug>.json`). */
export const sitePath = z
  .string()
  .regex(/^\/(?:[a-z0-9][a-z0-9._-]*\/)*(?:[a-z0-9][a-z0-9_-]*\.[a-z0-9]+)?(?:#[A-Za-z0-9_-]+)?$/, {
    error:
      'expected a URL path of this site: a page `/stories/<slug>/` (optionally with `#<anchor>`) or a file `/data/stories/<slug>.json`',
  });

/**
 * A published URL that no longer has a page of its own, in `content/redirects.yaml`, keyed by its old
 * path. A redirect page is generated there, so links and bookmarks keep working.
 */
export const redirectSchema = z.strictObject({
  /** Where readers of the old URL now go: a page this site still builds (`/stories/<slug>/`, `/stories/<slug>/#q-<id>`), or for a file, a file of the same type. */
  to: sitePath,
  /** Why the old URL lost its page (renamed, merged into another, withdrawn), kept for the record. */
  reason: text,
});

export type Actor = z.output<typeof actorSchema>;
export type Author = z.output<typeof authorSchema>;
export type Role = z.output<typeof roleSchema>;
export type StoryMeta = z.output<typeof storySchema>;
export type SourceMeta = z.output<typeof sourceSchema>;
export type SourceCorrectionMeta = z.output<typeof sourceCorrectionSchema>;
export type QuoteMeta = z.output<typeof quoteSchema>;
export type ClaimMeta = z.output<typeof claimSchema>;
export type EventMeta = z.output<typeof eventSchema>;
export type WordsDate = z.output<typeof wordsDateSchema>;
export type EventOrderMeta = z.output<typeof eventOrderSchema>;
export type OrderBoundMeta = z.output<typeof orderBoundSchema>;
export type RedirectMeta = z.output<typeof redirectSchema>;
export type CorrectionMeta = z.output<typeof correctionSchema>;
export type CorrectableField = keyof CorrectionMeta['was'];
export type QuoteForm = (typeof quoteForms)[number];
export type UnnamedSpeakerMeta = z.output<typeof unnamedSpeakerSchema>;
/** Who holds a claim or gives an account, as the file names them: an actor id or an unnamed holder. */
export type HolderMeta = z.output<typeof holderSchema>;
export type MediumBasisMeta = NonNullable<QuoteMeta['mediumBasis']>;
export type TranslationMeta = z.output<typeof translationSchema>;
/** Who gives an account, as the file names them (in a claim's or an event's `versions`). */
export type AccountMeta = z.output<z.ZodObject<typeof accountHolders>>;
export type ClaimVersionMeta = z.output<typeof claimVersionSchema>;
export type EventVersionMeta = z.output<typeof eventVersionSchema>;
export type EventStatus = (typeof eventStatuses)[number];
export type ExpectationMeta = z.output<typeof expectationSchema>;
export type ClaimStatus = (typeof claimStatuses)[number];
