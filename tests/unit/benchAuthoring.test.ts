import { describe, expect, it } from 'vitest';
import { clearFlags, fieldOf, flagsFor, leaves, tally } from '../bench/authoringFields';

/*
 * The authoring benchmark's bookkeeping: how a file's fields become leaves, which flags give a field,
 * and how each field of an expected file is counted. Not covered here: the commands themselves (the
 * benchmark runs them and prints what it finds; no test asserts on its figures).
 */

describe('authoring benchmark fields', () => {
  it('walks objects and lists of objects, and compares lists of scalars as sets', () => {
    const found = leaves({
      actors: ['b', 'a'],
      quotes: [],
      said: { on: '2025-04-29', provenance: 'inferred' },
      versions: [{ text: 'One', claimants: ['x'] }, { sourceVoice: true }],
    });
    expect([...found]).toEqual([
      ['actors', '["a","b"]'],
      ['said.on', '2025-04-29'],
      ['said.provenance', 'inferred'],
      ['versions[0].text', 'One'],
      ['versions[0].claimants', '["x"]'],
      ['versions[1].sourceVoice', 'true'],
    ]);
    expect(fieldOf('versions[0].text')).toBe('versions');
    expect(fieldOf('said.on')).toBe('said');
  });

  it("gives the command's own date by its bare flags and another date by the field's", () => {
    const date = { on: '2025-05-09', statedAs: 'May 9', provenance: 'inferred', inferredParts: ['year'] };
    expect(flagsFor('when', date, 'when')).toEqual([
      ['--on', '2025-05-09'],
      ['--stated-as', 'May 9'],
      ['--provenance', 'inferred'],
      ['--inferred-parts', 'year'],
    ]);
    expect(flagsFor('published', { on: '2025-04-30', provenance: 'stated', statedIn: 'metadata' }, '')).toEqual([
      ['--published', '2025-04-30'],
      ['--published-provenance', 'stated'],
      ['--published-in', 'metadata'],
    ]);
    expect(flagsFor('movedTo', { on: '2025-06', provenance: 'stated' }, 'when')[0]).toEqual(['--moved-to', '2025-06']);
  });

  it('gives lists comma-separated, objects part by part, and lists of objects not at all', () => {
    expect(flagsFor('disputedBy', ['taliban', 'x'], '')).toEqual([['--disputed-by', 'taliban,x']]);
    expect(flagsFor('unnamed', { description: 'an official', affiliation: 'ministry' }, '')).toEqual([
      ['--unnamed-description', 'an official'],
      ['--unnamed-affiliation', 'ministry'],
    ]);
    expect(flagsFor('versions', [{ text: 'One' }], '')).toEqual([]);
    expect(clearFlags('said', undefined, 'said')).toEqual([['--no-date']]);
    expect(clearFlags('claimants', ['x'], '')).toEqual([['--claimants', '']]);
    expect(clearFlags('speaker', 'x', '')).toEqual([]);
  });

  it('counts each expected field once, and what only the tool wrote as wrong', () => {
    const expected = new Map([
      ['title', 'T'],
      ['form', 'reported'],
      ['medium', 'unstated'],
      ['source', 's'],
      ['lang', 'pt'],
      ['passages', '["P."]'],
      ['said.on', '2025-04-29'],
      ['said.reasoning', 'why'],
    ]);
    const first = new Map([
      ['title', 'T'],
      ['form', 'paraphrase'],
      ['source', 's'],
      ['passage', 'P'],
      ['said.on', '2025-04-29'],
      ['said.reasoning', 'drafted'],
    ]);
    const final = new Map([...expected].filter(([leaf]) => leaf !== 'lang'));
    final.set('passages', '["P"]');
    expect(tally(expected, first, final, ['title'])).toEqual({
      suggested: ['source', 'said.on'],
      typed: ['title', 'medium'],
      wrong: ['form: paraphrase (expected: reported)'],
      extra: ['passage: P'],
      unwritable: ['lang: pt', 'passages: ["P."] (written: ["P"])'],
      drafted: 1,
    });
  });
});
