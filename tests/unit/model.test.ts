import { describe, expect, expectTypeOf, it } from 'vitest';
import { assembleCorpus } from '../../src/lib/assemble/corpus';
import type {
  Account,
  Assembled,
  Claim,
  ClaimVersion,
  EventVersion,
  Quote,
  QuoteResolved,
  Source,
  Story,
  TimelineEvent,
  UnnamedSpeaker,
} from '../../src/lib/model/corpus';
import type {
  AccountMeta,
  ClaimMeta,
  ClaimVersionMeta,
  EventMeta,
  EventVersionMeta,
  QuoteMeta,
  SourceMeta,
  StoryMeta,
  UnnamedSpeakerMeta,
} from '../../src/lib/model/entities';
import { linkStory, storeStory } from '../../src/loader/stored';
import { corpus } from './corpus';

/*
 * One model of each entity: the assembled types (src/lib/model/corpus.ts) are the schemas' output
 * types (src/lib/model/entities.ts) with references resolved, so a field a schema gains reaches the
 * assembled entity, the pages and the content store without being declared again. The type checks
 * here run under `tsc` (`npm run check`); vitest runs the rest. Not covered: the open data, whose
 * shape is a published format of its own (src/lib/outputs/opendata.ts) and lists its fields.
 */

/** The fields of a schema that the assembled entity does not have under the same name. */
type Lost<Meta, Model> = Exclude<keyof Meta, keyof Model>;

describe('the assembled model', () => {
  it('keeps every field of every schema, but a quote’s `unnamed`, which becomes its speaker', () => {
    expectTypeOf<Lost<QuoteMeta, Quote>>().toEqualTypeOf<'unnamed'>();
    expectTypeOf<Lost<ClaimMeta, Claim>>().toBeNever();
    expectTypeOf<Lost<ClaimVersionMeta, ClaimVersion>>().toBeNever();
    expectTypeOf<Lost<EventMeta, TimelineEvent>>().toBeNever();
    expectTypeOf<Lost<EventVersionMeta, EventVersion>>().toBeNever();
    expectTypeOf<Lost<AccountMeta, Account>>().toBeNever();
    expectTypeOf<Lost<UnnamedSpeakerMeta, UnnamedSpeaker>>().toBeNever();
    expectTypeOf<Lost<SourceMeta, Source>>().toBeNever();
    expectTypeOf<Lost<StoryMeta, Story>>().toBeNever();
  });

  it('takes the type of each field it does not resolve from the schema', () => {
    type Kept = 'said' | 'form' | 'medium' | 'attribution';
    expectTypeOf<Pick<Quote, Kept>>().toEqualTypeOf<Pick<QuoteMeta, Kept>>();
    expectTypeOf<Claim['status']>().toEqualTypeOf<ClaimMeta['status']>();
    expectTypeOf<Pick<TimelineEvent, 'title' | 'status' | 'movedTo' | 'sameAs'>>().toEqualTypeOf<
      Pick<EventMeta, 'title' | 'status' | 'movedTo' | 'sameAs'>
    >();
  });

  it('gains a field the quote schema gains, with the schema’s type, with nothing declared again', () => {
    // What `quoteSchema` outputs once `mood: text.optional()` is added to it.
    type Extended = QuoteMeta & { mood?: string | undefined };
    type ExtendedQuote = Assembled<Extended, 'unnamed', QuoteResolved>;
    expectTypeOf<ExtendedQuote>().toHaveProperty('mood');
    expectTypeOf<ExtendedQuote['mood']>().toEqualTypeOf<string | undefined>();
    // The resolved fields replace the file's ids.
    expectTypeOf<ExtendedQuote['source']>().toEqualTypeOf<Source>();
    expectTypeOf<ExtendedQuote>().not.toHaveProperty('unnamed');
  });

  it('carries a field the schemas gain from the files to the story and through the content store', () => {
    const files = corpus();
    // As the schemas would parse a file once they have the field.
    files.quotes[0]!.data = { ...files.quotes[0]!.data, mood: 'hopeful' } as QuoteMeta;
    files.claims[0]!.data = { ...files.claims[0]!.data, weight: 2 } as ClaimMeta;
    files.events[0]!.data = { ...files.events[0]!.data, place: 'Doha' } as EventMeta;
    const [story] = assembleCorpus(files, '2024-02-01').stories;
    const fields = (s: Story) => [
      (s.quotes[0] as Quote & { mood?: string }).mood,
      (s.claims[0] as Claim & { weight?: number }).weight,
      (s.events[0] as TimelineEvent & { place?: string }).place,
    ];
    expect(fields(story!)).toEqual(['hopeful', 2, 'Doha']);
    const stored = JSON.parse(JSON.stringify(storeStory(story!))) as ReturnType<typeof storeStory>;
    expect(fields(linkStory(stored, assembleCorpus(files, '2024-02-01').actors))).toEqual(['hopeful', 2, 'Doha']);
  });

  it('puts the speaker in place of the file’s `speaker` or `unnamed`, and keeps no id where an object stands', () => {
    const files = corpus({ quote: { speaker: undefined, unnamed: { description: 'an aide', affiliation: 'ann' } } });
    const quote = assembleCorpus(files, '2024-02-01').stories[0]!.quotes[0]!;
    expect(Object.keys(quote)).not.toContain('unnamed');
    expect(quote.speaker).toMatchObject({ kind: 'unnamed', description: 'an aide', affiliation: { id: 'ann' } });
    expect(quote.source.id).toBe('src');
  });
});
