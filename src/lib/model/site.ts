import { z } from 'astro/zod';
import { inSiteLanguage, languageTag, SITE_LANGUAGE } from './language.ts';

/**
 * The site's configuration: who publishes it and where, in one file an editor edits
 * (`content/site.yaml`, read by src/lib/content/settings.ts). Everything that names the site reads it:
 * the layout's title and header, link previews, share cards, the feed, JSON-LD, the web manifest, the
 * open data and the absolute URLs of every page (the origin is Astro's `site`, astro.config.mjs).
 */

/** A text of one line, as a name or a description is shown. */
const line = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .regex(/^[^\n\r]*$/, 'expected one line of text');

/** A web address on http(s). */
const webAddress = z.httpUrl({ abort: true }).transform((url) => new URL(url).href);

/** An email address, where readers write. */
const emailAddress = z.email({ error: 'expected an email address, such as news@example.org' });

/** A licence: its name as readers see it, and the address of its text. */
const licenceSchema = z.strictObject({
  /** The licence's name: "CC BY 4.0". */
  name: line,
  /** The address of the licence's text. */
  url: webAddress,
});

export const siteSettingsSchema = z.strictObject({
  /** The site's name: the header, every page's title after the page's own, link previews, cards, the feed, JSON-LD. */
  name: line,
  /** What the site is, in a sentence: the home page's description, the site's card, the feed, the manifest. */
  description: line,
  /**
   * The public origin every absolute URL is made on (canonical links, link previews, the feed, the
   * sitemap, JSON-LD), `https://host`, without a path. `SITE_URL` overrides it for one build (a preview).
   */
  origin: z
    .httpUrl({ abort: true })
    .refine((url) => new URL(url).href === `${new URL(url).origin}/`, {
      error: 'expected an origin only, such as https://news.example.org, with no path, query or fragment',
    })
    .transform((url) => new URL(url).origin),
  /**
   * The language and region of the site's own text, a BCP 47 tag ("en-GB"): `<html lang>`, the
   * feed's language, JSON-LD's `inLanguage`, and `og:locale` ("en_GB"). Its language must be the
   * labels' (English): the region can change, the words cannot.
   */
  language: languageTag.refine(inSiteLanguage, {
    error: `expected a tag of the language the site's labels are written in, "${SITE_LANGUAGE}", with its region if any ("${SITE_LANGUAGE}-GB")`,
  }),
  /**
   * The logo, a square SVG under `public/` (relative to the project's root): the favicon, and drawn
   * at build time as the PNG icons, the web manifest's icons and the publisher's logo in JSON-LD.
   */
  logo: z
    .string()
    .regex(
      /^public\/(?:[\w-]+\/)*[\w.-]+\.svg$/,
      'expected the path of an SVG file under public/, such as public/favicon.svg',
    ),
  /** Where readers write. */
  contact: z.strictObject({
    /** The newsroom's address: tips, questions, feedback. */
    editorial: emailAddress,
    /** Where readers report an error. */
    corrections: emailAddress,
  }),
  /** The terms the site's work may be reused on. */
  licences: z.strictObject({
    /** The stories' text, the pages and cards. */
    text: licenceSchema,
    /** The open data under `/data/` and its JSON Schemas. */
    data: licenceSchema,
  }),
  /** The site's feed, `/feed.xml` (a story's own feed carries all of its entries). */
  feed: z
    .strictObject({
      /** How many entries it carries, newest first, stories and corrections together. */
      entries: z.number().int().min(1).max(1000).default(50),
    })
    .default({ entries: 50 }),
  /** The site's own accounts elsewhere; each is optional. */
  social: z
    .strictObject({
      /** An X (Twitter) handle, `@name`: the `twitter:site` of every page, and `sameAs` in JSON-LD. */
      x: z
        .string()
        .regex(/^@\w{1,15}$/, 'expected an X handle: @ and up to 15 letters, digits or underscores')
        .optional(),
      /** A fediverse account, `@name@host`: `sameAs` in JSON-LD and a `rel="me"` link on every page. */
      fediverse: z
        .string()
        .regex(
          /^@[\w.-]+@[a-z0-9.-]+\.[a-z]{2,}$/i,
          'expected a fediverse account: @name@host, such as @news@mastodon.social',
        )
        .optional(),
    })
    .default({}),
});

/** The site's configuration, checked. */
export type SiteSettings = z.output<typeof siteSettingsSchema>;

/** A fediverse account's profile page: `@news@mastodon.social` → `https://mastodon.social/@news`. */
export function fediverseProfile(account: string): string {
  const [, name, host] = account.split('@');
  return `https://${host}/@${name}`;
}

/** The addresses of the site's accounts elsewhere, for JSON-LD's `sameAs`. */
export function socialProfiles(social: SiteSettings['social']): string[] {
  return [
    ...(social.x === undefined ? [] : [`https://x.com/${social.x.slice(1)}`]),
    ...(social.fediverse === undefined ? [] : [fediverseProfile(social.fediverse)]),
  ];
}

/** The logo's address on the site: its path under `public/`. */
export const logoHref = (settings: Pick<SiteSettings, 'logo'>): string => settings.logo.slice('public'.length);
