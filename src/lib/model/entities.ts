import { z } from 'astro/zod';
import { linkProblem } from './links';
import { calendarDay, calendarValue, dateValueSchema } from './date';

/**
 * The content model: one schema per kind of file under `content/`. Every object is strict, so a
 * misspelt field (`speakr`) fails the build instead of being ignored. Ids are file names; references
 * between files are plain ids here and are checked against what exists when a story is assembled
 * (`src/lib/story.ts`), where the error can name both files.
 */

/** A stable id: lower-case words joined by hyphens, as in a file name. */
export const entityId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected an id in lower-case-with-hyphens, as in a file name' });

const text = z.string().trim().min(1);

export const roleSchema = z.strictObject({
  /** The title as the sources give it: "US Special Representative for Afghanistan Reconciliation". */
  title: text,
  /** The organisation the role belongs to, in words: "Afghan peace delegation". */
  organisation: text.optional(),
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
  /** Quote ids the printed briefing shows; default: every direct and reported quote. */
  keyQuotes: z.array(entityId).optional(),
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
    .refine((url) => linkProblem(url) === undefined, {
      error: 'expected a web address starting with http:// or https://',
    })
    // Stored as the URL parser writes it: characters that may not stand in an address are percent-encoded.
    .transform((url) => new URL(url).href)
    .optional(),
  /** When it was published: a date value, so an inferred date says so and why. */
  published: dateValueSchema,
  /** Where our copy of the text comes from and anything an editor should know about it. */
  note: text.optional(),
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

export const quoteSchema = z.strictObject({
  /** The actor id of who said it. */
  speaker: entityId,
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
});

export const claimStatuses = ['reported', 'disputed', 'denied', 'confirmed', 'unverified'] as const;

export const claimSchema = z
  .strictObject({
    /** Actor ids of who makes the claim; empty when the source asserts it in its own voice. */
    claimants: z.array(entityId).default([]),
    /** The source id where the claim is made. */
    source: entityId,
    /** How far the claim stands: `reported`, `disputed`, `denied`, `confirmed` or `unverified`. */
    status: z.enum(claimStatuses),
    /** Actor ids of who disputes or denies it; required when `status` is `disputed` or `denied`. */
    disputedBy: z.array(entityId).default([]),
    /** Quote ids that support or state the claim. */
    quotes: z.array(entityId).default([]),
    /** Sentences of the source that support the claim, verbatim (checked like quotes). */
    passages: z.array(text).default([]),
  })
  .superRefine((claim, ctx) => {
    if ((claim.status === 'disputed' || claim.status === 'denied') && claim.disputedBy.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['disputedBy'],
        message: `expected \`disputedBy\` to name who ${claim.status === 'denied' ? 'denies' : 'disputes'} it: a ${claim.status} claim needs at least one actor id`,
      });
    }
  });

export const eventSchema = z.strictObject({
  /** A short headline for the event, in the past tense. */
  title: text,
  /** When it happened: a date value at its true precision. */
  when: dateValueSchema,
  /** The source id that reports the event. */
  source: entityId,
  /** Actor ids of who took part. */
  actors: z.array(entityId).default([]),
  /** Quote ids said at or about the event. */
  quotes: z.array(entityId).default([]),
  /** Claim ids the event bears on. */
  claims: z.array(entityId).default([]),
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
export type Role = z.output<typeof roleSchema>;
export type StoryMeta = z.output<typeof storySchema>;
export type SourceMeta = z.output<typeof sourceSchema>;
export type QuoteMeta = z.output<typeof quoteSchema>;
export type ClaimMeta = z.output<typeof claimSchema>;
export type EventMeta = z.output<typeof eventSchema>;
export type RedirectMeta = z.output<typeof redirectSchema>;
export type QuoteForm = (typeof quoteForms)[number];
export type ClaimStatus = (typeof claimStatuses)[number];
