import type { ClaimStatus, QuoteForm, QuoteMeta } from '../model/entities.ts';

/** Words a reader sees for the model's enumerations, kept in one place. */

export const FORM_LABELS: Record<QuoteForm, string> = {
  direct: 'Direct quote',
  reported: "Reported: the source's own words",
  paraphrase: 'Paraphrase, not their words',
};

export const MEDIUM_LABELS: Record<QuoteMeta['medium'], string> = {
  tweet: 'in a tweet',
  statement: 'in a statement',
  'virtual meeting': 'at a virtual meeting',
  interview: 'in an interview',
  speech: 'in a speech',
  'press conference': 'at a press conference',
  'remarks to reporters': 'in remarks to reporters',
  unstated: 'medium not stated',
};

export const STATUS_LABELS: Record<ClaimStatus, string> = {
  reported: 'Reported',
  disputed: 'Disputed',
  denied: 'Denied',
  confirmed: 'Confirmed',
  unverified: 'Unverified',
  contested: 'Contested',
};

/** How pages name the source when it gives a claim, or one account of it, in its own voice. */
export function sourceVoiceName(source: { title: string }): string {
  return `the source, “${source.title}”`;
}

/** The type of work every story is, as its page labels it (the Trust Project's "type of work"). */
export const WORK_TYPE = 'Explainer';

/** What every page of a draft story says at its top (src/components/DraftNotice.astro), and the home page's list of drafts. */
export const DRAFT_NOTICE = {
  heading: 'Draft — not published.',
  text: 'Only the dev server and a preview build show this story; no feed, search, sitemap or open data lists it.',
} as const;

/** The heading of a story's few-bullet summary, on its page, its briefing and in the feed. */
export const BOTTOM_LINE_HEADING = 'The bottom line';
