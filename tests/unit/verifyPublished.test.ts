import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataError, readIndex, readStory } from '../../src/lib/verify/published';

/* The open data as the verifier reads it: every field it relies on, or the field named with what was expected. */

const FILE = 'tests/fixtures/verify/site/data/stories/harbour-reopens-in-excerpts.json';
const json = () => JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;

describe('readStory', () => {
  it('reads the quotes, sources and annotations of a story, each annotation with both selectors', () => {
    const story = readStory(json(), FILE);
    expect(story.slug).toBe('harbour-reopens-in-excerpts');
    expect(story.quotes).toEqual([
      expect.objectContaining({ id: 'ines-harbour-open', form: 'direct', words: 'The harbour is open' }),
    ]);
    expect(story.sources[0]).toMatchObject({ publish: 'excerpts', text: null, excerpts: [{ start: 71 }] });
    expect(story.annotations[0]!.target.map((target) => target.position)).toEqual([
      { type: 'TextPositionSelector', start: 120, end: 139 },
      { type: 'TextPositionSelector', start: 120, end: 139 },
    ]);
  });

  it('names the file, the field and what was expected when a field is missing or of another type', () => {
    const data = json();
    (data.quotes as Record<string, unknown>[])[0]!.annotation = undefined;
    expect(() => readStory(data, FILE)).toThrow(new DataError(FILE, 'quotes[0].annotation', 'a string or null'));
    const other = json();
    (other.sources as Record<string, unknown>[])[0]!.publish = 'some';
    expect(() => readStory(other, FILE)).toThrow(`${FILE}: sources[0].publish: expected "full" or "excerpts"`);
  });

  it('refuses an annotation target without both a TextQuoteSelector and a TextPositionSelector', () => {
    const data = json();
    const [annotation] = data.annotations as { target: { selector: unknown[] }[] }[];
    annotation!.target[0]!.selector.pop();
    expect(() => readStory(data, FILE)).toThrow(
      `${FILE}: annotations[0].target[0].selector: expected a TextQuoteSelector and a TextPositionSelector`,
    );
  });
});

describe('readIndex', () => {
  it('lists each story with the address of its data', () => {
    expect(readIndex({ stories: [{ slug: 'a', data: 'https://site.example/data/stories/a.json' }] }, 'index')).toEqual([
      { slug: 'a', data: 'https://site.example/data/stories/a.json' },
    ]);
    expect(() => readIndex({}, 'index')).toThrow('index: stories: expected an array');
  });
});
