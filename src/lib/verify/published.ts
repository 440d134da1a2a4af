/**
 * The open data as the verifier reads it (`/data/stories.json`, `/data/stories/<slug>.json`): only the
 * fields it checks, each read and its type confirmed, so a file that lacks one is named with the field
 * and what was expected rather than checked against a guess. The site's own schema of these files is
 * src/lib/outputs/opendata.ts (published at /data/schema/); the verifier runs without it, and without
 * zod, on any copy of the data, as anyone who downloads it would read it.
 */

/** A file of the open data that does not hold what the verifier reads: where, which field, what was expected. */
export class DataError extends Error {
  /** The field, by its path in the file: `quotes[3].words`. */
  readonly field: string;
  readonly expected: string;

  constructor(where: string, field: string, expected: string) {
    super(`${where}: ${field}: expected ${expected}`);
    this.name = 'DataError';
    this.field = field;
    this.expected = expected;
  }
}

/** A story of the index: its slug and the address of its open data. */
export interface IndexedStory {
  slug: string;
  data: string;
}

/** One passage a source page publishes of an excerpts-only source: offsets in code points into the source's text. */
export interface Excerpt {
  start: number;
  end: number;
  text: string;
}

/** A source as its story's data describes it. */
export interface PublishedSource {
  id: string;
  /** The original's address, or null. */
  url: string | null;
  /** A web archive's copy of the original, or null. */
  archived: { url: string; on: string } | null;
  publish: 'full' | 'excerpts';
  /** Our page of the source. */
  page: string;
  /** SHA-256 of the UTF-8 bytes of the source's text as the build's check read it, lowercase hex. */
  textSha256: string;
  /** The whole text, for a source published in full; else null. */
  text: string | null;
  /** What the source page publishes of an excerpts-only source; empty for a full one. */
  excerpts: Excerpt[];
}

export interface PublishedQuote {
  id: string;
  words: string;
  form: 'direct' | 'reported' | 'paraphrase';
  source: string;
  /** The words in translation, and the source that publishes them (null when the translation is ours). */
  translation: { words: string; by: 'source' | 'us'; source: string | null } | null;
  /** The id of its annotation, or null. */
  annotation: string | null;
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** A W3C Web Annotation's target: a document (the original, or our source page) and the selectors of the passage in it. */
export interface AnnotationTarget {
  source: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export interface PublishedAnnotation {
  id: string;
  target: AnnotationTarget[];
}

/** A claim, or an event, with the ids of the annotations of its passages (an event's are its versions'). */
export interface AnnotatedEntry {
  kind: 'claim' | 'event';
  id: string;
  annotations: string[];
}

export interface PublishedStory {
  slug: string;
  quotes: PublishedQuote[];
  /** The claims and events of the story, each with its passages' annotation ids. */
  annotated: AnnotatedEntry[];
  sources: PublishedSource[];
  annotations: PublishedAnnotation[];
}

/** Reads fields of one JSON value, naming each by its path in the file when it is not what is expected. */
class Reader {
  readonly where: string;
  readonly value: unknown;
  readonly path: string;

  constructor(where: string, value: unknown, path: string) {
    this.where = where;
    this.value = value;
    this.path = path;
  }

  private fail(expected: string): never {
    throw new DataError(this.where, this.path || '(the file)', expected);
  }

  field(name: string): Reader {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value)) this.fail('an object');
    return new Reader(
      this.where,
      (this.value as Record<string, unknown>)[name],
      this.path ? `${this.path}.${name}` : name,
    );
  }

  string(): string {
    return typeof this.value === 'string' ? this.value : this.fail('a string');
  }

  nullableString(): string | null {
    return this.value === null ? null : typeof this.value === 'string' ? this.value : this.fail('a string or null');
  }

  /** A non-negative whole number: a code point offset. */
  offset(): number {
    return Number.isInteger(this.value) && (this.value as number) >= 0
      ? (this.value as number)
      : this.fail('a whole number, 0 or more');
  }

  oneOf<const T extends string>(values: readonly T[]): T {
    return values.includes(this.value as T) ? (this.value as T) : this.fail(values.map((v) => `"${v}"`).join(' or '));
  }

  isNull(): boolean {
    return this.value === null;
  }

  /** An optional string that is the empty string when absent (a selector's prefix or suffix). */
  optionalString(): string {
    return this.value === undefined ? '' : this.string();
  }

  array<T>(each: (item: Reader) => T): T[] {
    if (!Array.isArray(this.value)) this.fail('an array');
    return (this.value as unknown[]).map((item, i) => each(new Reader(this.where, item, `${this.path}[${i}]`)));
  }
}

/** The stories listed by `/data/stories.json`. */
export function readIndex(json: unknown, where: string): IndexedStory[] {
  return new Reader(where, json, '')
    .field('stories')
    .array((story) => ({ slug: story.field('slug').string(), data: story.field('data').string() }));
}

function readSelectors(target: Reader): Pick<AnnotationTarget, 'quote' | 'position'> {
  const selectors = target.field('selector');
  const found = selectors.array((selector) => {
    const type = selector.field('type').string();
    if (type === 'TextQuoteSelector') {
      return {
        type,
        exact: selector.field('exact').string(),
        prefix: selector.field('prefix').optionalString(),
        suffix: selector.field('suffix').optionalString(),
      } satisfies TextQuoteSelector;
    }
    if (type === 'TextPositionSelector') {
      return {
        type,
        start: selector.field('start').offset(),
        end: selector.field('end').offset(),
      } satisfies TextPositionSelector;
    }
    return undefined;
  });
  const quote = found.find((s): s is TextQuoteSelector => s?.type === 'TextQuoteSelector');
  const position = found.find((s): s is TextPositionSelector => s?.type === 'TextPositionSelector');
  if (!quote || !position) {
    throw new DataError(selectors.where, selectors.path, 'a TextQuoteSelector and a TextPositionSelector');
  }
  return { quote, position };
}

/** A story's open data, as far as the verifier reads it. */
export function readStory(json: unknown, where: string): PublishedStory {
  const story = new Reader(where, json, '');
  return {
    slug: story.field('slug').string(),
    quotes: story.field('quotes').array((quote) => {
      const translation = quote.field('translation');
      return {
        id: quote.field('id').string(),
        words: quote.field('words').string(),
        form: quote.field('form').oneOf(['direct', 'reported', 'paraphrase']),
        source: quote.field('source').string(),
        translation: translation.isNull()
          ? null
          : {
              words: translation.field('words').string(),
              by: translation.field('by').oneOf(['source', 'us']),
              source: translation.field('source').nullableString(),
            },
        annotation: quote.field('annotation').nullableString(),
      };
    }),
    annotated: [
      ...story.field('claims').array((claim) => ({
        kind: 'claim' as const,
        id: claim.field('id').string(),
        annotations: claim.field('annotations').array((id) => id.string()),
      })),
      ...story.field('events').array((event) => ({
        kind: 'event' as const,
        id: event.field('id').string(),
        annotations: event
          .field('versions')
          .array((version) => version.field('annotations').array((id) => id.string()))
          .flat(),
      })),
    ],
    sources: story.field('sources').array((source) => {
      const archived = source.field('archived');
      return {
        id: source.field('id').string(),
        url: source.field('url').nullableString(),
        archived: archived.isNull() ? null : { url: archived.field('url').string(), on: archived.field('on').string() },
        publish: source.field('publish').oneOf(['full', 'excerpts']),
        page: source.field('page').string(),
        textSha256: source.field('textSha256').string(),
        text: source.field('text').nullableString(),
        excerpts: source.field('excerpts').array((excerpt) => ({
          start: excerpt.field('start').offset(),
          end: excerpt.field('end').offset(),
          text: excerpt.field('text').string(),
        })),
      };
    }),
    annotations: story.field('annotations').array((annotation) => ({
      id: annotation.field('id').string(),
      target: annotation
        .field('target')
        .array((target) => ({ source: target.field('source').string(), ...readSelectors(target) })),
    })),
  };
}
