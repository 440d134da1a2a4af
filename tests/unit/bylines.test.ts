import { describe, expect, it } from 'vitest';
import { contactOf, namedAuthors, reportErrorHref, storiesOf, storyDates } from '../../src/lib/present/bylines';
import { settings } from './fixtures/settings';
import { corpus } from './fixtures/corpus';

/* Bylines, author pages' story lists and the "Report an error" address (src/lib/present/bylines.ts).
   The pages that show them are tested in tests/e2e/standards.spec.ts. */

const { stories, authors } = corpus();
const desk = authors.get('desk')!;
const ann = { ...desk, id: 'ann', kind: 'person' as const, name: 'Ann Writer', contact: 'ann@news.example' };
const people = new Map([
  ['desk', desk],
  ['ann', ann],
]);

describe('a byline', () => {
  it('names the authors in the story’s order', () => {
    expect(namedAuthors(['ann', 'desk'], people).map((a) => a.name)).toEqual(['Ann Writer', 'The Desk']);
    expect(namedAuthors([], people)).toEqual([]);
  });

  it('gives the update only when it is another day than the publication', () => {
    expect(storyDates({ published: '2024-01-10', updated: '2024-01-10' })).toEqual({ published: '2024-01-10' });
    expect(storyDates({ published: '2024-01-10', updated: '2024-02-01' })).toEqual({
      published: '2024-01-10',
      updated: '2024-02-01',
    });
  });
});

describe('an author’s page', () => {
  it('lists the stories they wrote or edited, in the corpus’s order, with what they did', () => {
    const [newer, older] = stories;
    const signed = [
      { ...newer!, authors: ['ann'], editors: ['desk'] },
      { ...older!, authors: ['ann', 'desk'], editors: ['ann'] },
    ];
    expect(storiesOf(ann, signed).map(({ story, as }) => [story.slug, as])).toEqual([
      ['newer', 'author'],
      ['older', 'author and editor'],
    ]);
    expect(storiesOf(desk, signed).map(({ story, as }) => [story.slug, as])).toEqual([
      ['newer', 'editor'],
      ['older', 'author'],
    ]);
    expect(storiesOf(desk, stories)).toEqual([]);
  });

  it('gives the author’s own address, or the newsroom’s', () => {
    expect(contactOf(ann, settings.contact)).toBe('ann@news.example');
    expect(contactOf(desk, settings.contact)).toBe(settings.contact.editorial);
  });
});

describe('reporting an error', () => {
  it('writes to the corrections address, the subject naming the page and the quote', () => {
    const href = reportErrorHref(
      settings.contact,
      'https://news.example/stories/older/quotes/stand-firm/',
      'stand-firm',
    );
    const url = new URL(href);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe(settings.contact.corrections);
    expect(url.searchParams.get('subject')).toBe(
      'Error report: https://news.example/stories/older/quotes/stand-firm/ (quote stand-firm)',
    );
    expect(url.searchParams.get('body')).toContain('What is wrong');
    // RFC 6068: a space is %20 in a mailto: address, never +.
    expect(href).not.toContain('+');
  });

  it('names the page alone on a page that is not a quote’s', () => {
    const subject = new URL(
      reportErrorHref(settings.contact, new URL('https://news.example/stories/older/')),
    ).searchParams.get('subject');
    expect(subject).toBe('Error report: https://news.example/stories/older/');
  });
});
