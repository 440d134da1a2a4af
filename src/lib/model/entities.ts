import { z } from 'astro/zod';
import { linkProblem } from './links.ts';
import { calendarDay, calendarValue, dateValueSchema } from './date.ts';
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
});

export const sourceSchema = z.strictObject({
  /** The headline as published; a title we supply goes in [square brackets], as archives do. */
  title: text,
  /** Who published it, if known. */
  publisher: text.optional(),
  /** Where it was published, if known. */
  url: z
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
    .transform((url) => new URL(url).href)
    .optional(),
  /** When it was published: a date value, so an inferred date says so and why. */
  published: dateValueSchema,
  /** Where our copy of the text comes from and anything an editor should know about it. */
  note: text.optional(),
  /** The language the source is written in, a BCP 47 tag ("ps" Pashto, "fa-AF" Dari); default: the site's, `en`. */
  lang: languageTag.default(SITE_LANGUAGE),
});

export const quoteForms = ['direct', 'reported', 'paraphrase'] as const;
export const media = [
  'tweet',
  'statement',
  'virtual meeting',
  'interview',
  'speech',
  'press conference',
  'unstated',
] as const;

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
  });

export const claimStatuses = ['reported', 'disputed', 'denied', 'confirmed', 'unverified', 'contested'] as const;

/**
 * Who gives one account: actor ids, and/or the source in its own voice. Every account names at least
 * one: an account nobody gives cannot be attributed on the page.
 */
const accountHolders = {
  /** Actor ids of who gives this account. */
  claimants: z.array(entityId).default([]),
  /** `true` when the source itself gives this account, in its own voice ("the article reports"). */
  sourceVoice: z.boolean().default(false),
};

function requireHolder(account: AccountMeta, ctx: z.RefinementCtx) {
  if (account.claimants.length === 0 && !account.sourceVoice) {
    ctx.addIssue({
      code: 'custom',
      path: ['claimants'],
      message:
        'expected who gives this account: actor ids in `claimants`, or `sourceVoice: true` for the source itself',
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
    /** Actor ids of who makes the claim; empty when the source asserts it in its own voice. */
    claimants: z.array(entityId).default([]),
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

/** Where an event stood on the date of the story's latest source. */
export const eventStatuses = ['happened', 'scheduled', 'deadline', 'postponed', 'cancelled'] as const;

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

export const eventSchema = z
  .strictObject({
    /** A short headline for the event. */
    title: text,
    /** When it happens (for a planned event, when it was set for): a date value at its true precision. For an event whose date the accounts differ on, give `versions` instead. */
    when: dateValueSchema.optional(),
    /** Competing accounts of when the event happens, two or more, each with who gives it; instead of `when`. */
    versions: z.array(eventVersionSchema).default([]),
    /** As of the story's latest source: `happened` (the default), `scheduled`, a `deadline`, `postponed` or `cancelled`. */
    status: z.enum(eventStatuses).default('happened'),
    /** For a postponed event, whose `when` is the date it had been set for: the new date, if the source gives one. */
    movedTo: dateValueSchema.optional(),
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
    if ((event.when === undefined) === (event.versions.length === 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['when'],
        message:
          event.when === undefined
            ? 'expected `when`, or two or more `versions` when accounts of the date differ'
            : 'expected either `when` or `versions`, not both',
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
export type QuoteMeta = z.output<typeof quoteSchema>;
export type ClaimMeta = z.output<typeof claimSchema>;
export type EventMeta = z.output<typeof eventSchema>;
export type RedirectMeta = z.output<typeof redirectSchema>;
export type CorrectionMeta = z.output<typeof correctionSchema>;
export type CorrectableField = keyof CorrectionMeta['was'];
export type QuoteForm = (typeof quoteForms)[number];
export type UnnamedSpeakerMeta = z.output<typeof unnamedSpeakerSchema>;
export type TranslationMeta = z.output<typeof translationSchema>;
/** Who gives an account, as the file names them (in a claim's or an event's `versions`). */
export type AccountMeta = z.output<z.ZodObject<typeof accountHolders>>;
export type ClaimVersionMeta = z.output<typeof claimVersionSchema>;
export type EventVersionMeta = z.output<typeof eventVersionSchema>;
export type EventStatus = (typeof eventStatuses)[number];
export type ClaimStatus = (typeof claimStatuses)[number];
