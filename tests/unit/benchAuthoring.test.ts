import { describe, expect, it } from 'vitest';
import {
  accountWords,
  askedFields,
  fieldOf,
  fieldOfFlag,
  flagsFor,
  leaves,
  tally,
  type Command,
} from '../bench/authoringFields';

/*
 * The authoring benchmark's bookkeeping: how a file's fields become leaves, which flags give a field
 * (and which field a flag the tool asks for gives), what a refusal asks for, and how each field of an
 * expected file is counted. Not covered here: the commands themselves (the benchmark runs them and
 * prints what it finds; no test asserts on its figures).
 */

const words: Record<string, string> = { 'union-figure': 'more than 4,000 of its members have joined' };
const quoteWords = (id: string) => words[id] ?? `no quote ${id}`;
const quote: Command = { ownDate: 'said', quoteWords };
const event: Command = { ownDate: 'when', quoteWords };
const claim: Command = { quoteWords };

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

  it("gives the command's own date by its bare flags, and a source's date by `--published` and its own", () => {
    const date = { on: '2025-05-09', statedAs: 'May 9', provenance: 'inferred', inferredParts: ['year'] };
    expect(flagsFor('when', date, event)).toEqual([
      ['--on', '2025-05-09'],
      ['--stated-as', 'May 9'],
      ['--provenance', 'inferred'],
      ['--inferred-parts', 'year'],
    ]);
    // Only the own date takes the bare flags: a quote has no `when`.
    expect(flagsFor('when', date, quote)).toEqual([]);
    // The provenance follows from the others: no flag gives it.
    expect(flagsFor('published', { on: '2025-04-30', provenance: 'stated', statedIn: 'metadata' }, claim)).toEqual([
      ['--published', '2025-04-30'],
      ['--published-in', 'metadata'],
    ]);
    const range = {
      earliest: '2021-05-01',
      latest: '2021-05-31',
      statedAs: 'May 7',
      provenance: 'inferred',
      inferredParts: ['year', 'month'],
      reasoning: 'why',
    };
    expect(flagsFor('published', range, claim)).toEqual([
      ['--published', '2021-05-01..2021-05-31'],
      ['--published-stated-as', 'May 7'],
      ['--published-inferred-parts', 'year,month'],
      ['--published-reasoning', 'why'],
    ]);
    // A new date is read from the source's words that give it.
    expect(flagsFor('movedTo', { on: '2025-06', statedAs: 'in June', provenance: 'stated' }, event)).toEqual([
      ['--moved-to', 'in June'],
    ]);
    // So is the day an event under way is set to end; an expectation is given part by part.
    expect(flagsFor('until', { on: '2026-03-10', statedAs: 'March 10', provenance: 'stated' }, event)).toEqual([
      ['--until', 'March 10'],
    ]);
    expect(
      flagsFor('expectation', { unnamed: { description: 'officials' }, sourceVoice: true, timing: 'by' }, event),
    ).toEqual([['--expected-by-unnamed', 'officials'], ['--expected-by-source-voice'], ['--expected-timing', 'by']]);
    expect(flagsFor('expectation', { holders: ['gov'], timing: 'on' }, event)).toEqual([
      ['--expected-by', 'gov'],
      ['--expected-timing', 'on'],
    ]);
  });

  it("gives a source's own correction by its flags, one a command", () => {
    const correction = {
      corrects: 'the number of ships',
      to: '14',
      from: '40',
      notice: 'Corrects the number of ships to 14, from 40.',
      date: { on: '2026-03-05', statedAs: 'March 5', provenance: 'stated' },
    };
    expect(flagsFor('corrections', [correction, { ...correction, to: '15' }], claim)).toEqual([
      ['--correction-corrects', 'the number of ships'],
      ['--correction-to', '14'],
      ['--correction-from', '40'],
      ['--correction', 'Corrects the number of ships to 14, from 40.'],
      ['--correction-date', '2026-03-05'],
      ['--correction-date-stated-as', 'March 5'],
    ]);
    expect(flagsFor('corrections', undefined, claim)).toEqual([['--no-correction']]);
  });

  it('gives an unnamed speaker, a translation, lists and scalars by the flags the commands take', () => {
    expect(flagsFor('unnamed', { description: 'a senior official', affiliation: 'ministry' }, quote)).toEqual([
      ['--unnamed', 'a senior official'],
      ['--affiliation', 'ministry'],
    ]);
    expect(flagsFor('translation', { by: 'source', source: 'wire', words: 'The door is open.' }, quote)).toEqual([
      ['--translation-source', 'wire'],
      ['--translation', 'The door is open.'],
    ]);
    expect(flagsFor('translation', { by: 'us', words: 'Ours.' }, quote)).toEqual([['--translation', 'Ours.']]);
    expect(flagsFor('lang', 'pt', quote)).toEqual([['--lang', 'pt']]);
    expect(flagsFor('disputedBy', ['taliban', 'x'], claim)).toEqual([['--disputed-by', 'taliban,x']]);
    expect(flagsFor('sameAs', ['other/event'], event)).toEqual([['--same-as', 'other/event']]);
    // A claim's passage is the command's own words.
    expect(flagsFor('passages', ['P.'], claim)).toEqual([]);
  });

  it('gives competing accounts as one `--version` group each, in order, found by a passage or a quote', () => {
    const versions = [
      { text: 'More than 4,000.', claimants: ['union'], quotes: ['union-figure'] },
      { text: '1,850.', sourceVoice: true, passages: ['1,850 workers were on strike', 'another'] },
    ];
    expect(flagsFor('versions', versions, claim)).toEqual([
      ['--version', 'more than 4,000 of its members have joined'],
      ['--version-no-passage'],
      ['--version-text', 'More than 4,000.'],
      ['--version-claimants', 'union'],
      ['--version-quotes', 'union-figure'],
      ['--version', '1,850 workers were on strike'],
      ['--version-text', '1,850.'],
      ['--version-source-voice'],
    ]);
    // An event's account: its date is read from its words.
    const dated = [
      { when: { on: '2025-04-20', provenance: 'stated' }, claimants: ['a'], passages: ['on 20 April'] },
      { when: { on: '2025-04-29', provenance: 'stated' }, sourceVoice: false, claimants: ['b'], passages: ['on 29'] },
    ];
    expect(flagsFor('versions', dated, event)).toEqual([
      ['--version', 'on 20 April'],
      ['--version-claimants', 'a'],
      ['--version', 'on 29'],
      ['--version-claimants', 'b'],
    ]);
    expect(() => accountWords([{ text: 'No evidence.' }], quoteWords)).toThrow(/no passage and no quote/);
  });

  it('gives holders the source does not name by their own flags, beside the actor ids', () => {
    const official = {
      unnamed: { description: 'an official, speaking on condition of anonymity', affiliation: 'port' },
    };
    expect(flagsFor('claimants', ['union', official], claim)).toEqual([
      ['--claimants', 'union'],
      ['--unnamed-claimant', 'an official, speaking on condition of anonymity'],
      ['--unnamed-affiliation', 'port'],
    ]);
    expect(flagsFor('claimants', [official], claim)[0]).toEqual(['--unnamed-claimant', official.unnamed.description]);
    const versions = [
      {
        text: '20 ships.',
        claimants: [{ unnamed: { description: 'a shipping agent' } }],
        passages: ['put the number at 20'],
      },
    ];
    expect(flagsFor('versions', versions, claim)).toEqual([
      ['--version', 'put the number at 20'],
      ['--version-text', '20 ships.'],
      ['--version-unnamed', 'a shipping agent'],
    ]);
    expect(flagsFor('mediumBasis', { provenance: 'inferred', words: 'told the broadcaster X' }, quote)).toEqual([
      ['--medium-inferred-from', 'told the broadcaster X'],
    ]);
  });

  it('leaves a field out by the flag that declines it, where there is one', () => {
    expect(flagsFor('said', undefined, quote)).toEqual([['--no-date']]);
    expect(flagsFor('claimants', undefined, claim)).toEqual([['--claimants', '']]);
    expect(flagsFor('passages', undefined, claim)).toEqual([['--no-passage']]);
    expect(flagsFor('speaker', undefined, quote)).toEqual([]);
    expect(flagsFor('attribution', undefined, quote)).toEqual([]);
  });

  it('traces every flag it gives back to its field', () => {
    const samples: [string, unknown, Command][] = [
      ['said', { from: '2025-03-10', to: '2025-03-14', part: 'mid', relativeTo: 'x', reasoning: 'r' }, quote],
      ['said', { earliest: '2025-05-05', latest: '2025-05-11', provenance: 'inferred' }, quote],
      ['said', undefined, quote],
      ['published', { on: '2021-05-08', statedAs: 'May 8', inferredParts: ['year'], reasoning: 'r' }, claim],
      ['published', { on: '2021-05-08', statedIn: 'metadata' }, claim],
      ['unnamed', { description: 'd', affiliation: 'a' }, quote],
      ['translation', { by: 'source', source: 's', words: 'w' }, quote],
      ['versions', [{ text: 't', claimants: ['a'], sourceVoice: true, quotes: ['q'], passages: ['p'] }], claim],
      ['movedTo', { on: '2025-06', statedAs: 'June' }, event],
      ['until', { on: '2026-03-10', statedAs: 'March 10' }, event],
      ['expectation', { holders: ['g'], unnamed: { description: 'd' }, sourceVoice: true, timing: 'by' }, event],
      ['passages', undefined, claim],
      ['disputedBy', ['a'], claim],
      ['medium', 'interview', quote],
      ['mediumBasis', { provenance: 'inferred', words: 'w' }, quote],
      ['claimants', ['a', { unnamed: { description: 'd', affiliation: 'o' } }], claim],
      ['title', 'T', event],
    ];
    for (const [field, value, command] of samples)
      for (const [name] of flagsFor(field, value, command))
        expect([name, fieldOfFlag(name, command)]).toEqual([name, field]);
  });

  it('reads what a refusal asks for: the flags of each undecided line, the field of each problem', () => {
    const undecided = [
      'Found in wire: "The union says …"',
      '  form: reported  (the source gives them without quotation marks)',
      'Not written: decide these by flag (or pass --yes to accept the suggestions; in a terminal the command asks):',
      '  --speaker <actor id> | --unnamed "<description>"  (no actor named in the sentence or the paragraph)',
      '  --on/--earliest/--latest (or --no-date) <one of: --on 2025-05-06 (Tuesday) | --on 2025-05-13 (a week later)>  (two readings)',
      '  --medium <one of: statement | unstated>  (the tool does not guess)',
    ].join('\n');
    expect(askedFields(undecided, quote)).toEqual(['speaker', 'unnamed', 'said', 'medium']);
    const published =
      'Not written: decide these by flag (or pass --yes …):\n  --published-in metadata | --published-stated-as "<the words>" | --published-reasoning "<how>" (with --published-inferred-parts year)  (where the publication date comes from)';
    expect(askedFields(published, claim)).toEqual(['published']);
    const refused = [
      'Not written: the content check refuses stories/s/claims/x.md:',
      '  - stories/s/claims/x.md: field `versions` is missing; expected two or more `versions` for a contested claim',
      '    give: --version (with --version-text, --version-claimants)',
      '  - stories/s/claims/x.md: field `versions[0].when.on` is missing; expected a date',
      '    give: --on (or --earliest/--latest, --from/--to)',
    ].join('\n');
    expect(askedFields(refused, event)).toEqual(['versions']);
    expect(
      askedFields('Wrote stories/s/quotes/q.md\n  to check: said: give --on if the source has one', quote),
    ).toEqual([]);
  });

  it('counts each expected field once, what only the tool wrote as wrong, and what it cannot leave out', () => {
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
    final.set('versions[0].passages', '["Q"]');
    expect(tally(expected, first, final, ['title'])).toEqual({
      suggested: ['source', 'said.on'],
      typed: ['title', 'medium'],
      wrong: ['form: paraphrase (expected: reported)'],
      extra: ['passage: P'],
      unwritable: ['lang: pt', 'passages: ["P."] (written: ["P"])'],
      forced: ['versions[0].passages: ["Q"]'],
      drafted: 1,
    });
  });
});
