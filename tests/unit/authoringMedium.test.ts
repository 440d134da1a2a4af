import { describe, expect, it } from 'vitest';
import { othersOccasion, suggestMedium } from '../../src/lib/authoring/medium';

/* The medium named near a quote, sentence before paragraph; elsewhere in the source, a choice for the editor. */

const near = (scopes: string[]) => suggestMedium(scopes, scopes.join(' '));

describe('quote medium', () => {
  it('reads the medium the sentence names', () => {
    expect(near(['said US peace envoy in a tweet posted late on Friday.'])).toMatchObject({ medium: 'tweet' });
    expect(near(['while speaking at a virtual meeting last week, vowed'])).toMatchObject({ medium: 'virtual meeting' });
    expect(near([', the statement read.'])).toMatchObject({ medium: 'statement' });
    expect(near(['The 20-point declaration urges the parties'])).toMatchObject({ medium: 'statement' });
    expect(near(['he told a press conference'])).toMatchObject({ medium: 'press conference' });
  });

  it('takes the first named when there are several, and the paragraph when the sentence names none', () => {
    expect(near(['In an interview after his speech'])).toMatchObject({ medium: 'interview' });
    expect(near(['Khalilzad said.', 'In a speech, Khalilzad said.'])).toEqual({
      kind: 'near',
      medium: 'speech',
      words: 'speech',
    });
  });

  it('is unstated only when the source names no medium anywhere', () => {
    expect(suggestMedium(['Khalilzad said.', 'Khalilzad said.'], 'Khalilzad said.')).toEqual({ kind: 'unstated' });
  });

  it('leaves the choice to the editor when the source names a medium only away from the words', () => {
    const source = '“We stand with the republic,” Khalilzad said.\n\nHe posted the warning in a tweet on Friday.';
    expect(suggestMedium(['“We stand with the republic,” Khalilzad said.'], source)).toEqual({
      kind: 'elsewhere',
      candidates: [{ medium: 'tweet', words: 'tweet' }],
    });
  });
});

describe('remarks to reporters, and a medium implied but not named', () => {
  it('reads remarks to reporters as a medium of their own, named by the source', () => {
    expect(near(['“The strike is illegal,” the port chief told reporters.'])).toEqual({
      kind: 'near',
      medium: 'remarks to reporters',
      words: 'told reporters',
    });
    expect(near(['speaking to journalists outside the court'])).toMatchObject({ medium: 'remarks to reporters' });
    // Elsewhere in the source, remarks to reporters are other words, no hint for these.
    expect(suggestMedium(['“We wait,” he said.'], '“We wait,” he said.\n\n“No,” she told reporters.')).toEqual({
      kind: 'unstated',
    });
  });

  it('leaves words told to a broadcaster for the editor to call an interview, with the words it would rest on', () => {
    expect(near(['“We are not leaving,” she told the broadcaster Harbour FM on Monday.'])).toEqual({
      kind: 'implied',
      words: 'told the broadcaster Harbour FM',
      candidates: ['interview'],
    });
  });
});

describe('a medium named only with other speakers', () => {
  const source = 'The mayor said the bridge would reopen. The governor, speaking in an interview, said it would not.';
  const namesGovernorOnly = (sentence: string) => sentence.includes('governor') && !sentence.includes('mayor');

  it('is unstated for this speaker, naming the other’s medium', () => {
    expect(suggestMedium(['The mayor said the bridge would reopen.'], source, namesGovernorOnly)).toEqual({
      kind: 'unstated',
      others: ['interview'],
    });
  });

  it('stays the editor’s choice when a sentence naming the medium names this speaker too, or no speaker is known', () => {
    const both = 'The mayor said the bridge would reopen. The governor and the mayor gave an interview.';
    expect(suggestMedium(['The mayor said the bridge would reopen.'], both, namesGovernorOnly)).toMatchObject({
      kind: 'elsewhere',
    });
    expect(suggestMedium(['The mayor said the bridge would reopen.'], source)).toMatchObject({ kind: 'elsewhere' });
  });

  it('reads every place the source names the medium, not only the first', () => {
    const twice = `${source}\n\nThe mayor, in an interview on Sunday, said the bridge was safe.`;
    expect(suggestMedium(['The mayor said the bridge would reopen.'], twice, namesGovernorOnly)).toEqual({
      kind: 'elsewhere',
      candidates: [{ medium: 'interview', words: 'interview' }],
    });
  });
});

describe('a medium spelt with an accent', () => {
  it('reads “communiqué” as a statement', () => {
    expect(near(['In a communiqué released on Monday, the ministers urged calm.'])).toEqual({
      kind: 'near',
      medium: 'statement',
      words: 'communiqué',
    });
  });
});

describe('whose occasion a sentence tells of', () => {
  const namedIn = (sentence: string) =>
    ['governor', 'mayor'].filter((id) => sentence.toLowerCase().includes(`the ${id}`));
  const conference = 'The governor, speaking at a news conference, said the bridge would stay shut.';

  it('is another’s for a named speaker when the sentence names only others', () => {
    const mayor = othersOccasion({ actor: 'mayor' }, namedIn)!;
    expect(mayor(conference)).toBe(true);
    expect(mayor('The mayor and the governor gave a news conference.')).toBe(false);
    expect(mayor('A news conference was held.')).toBe(false);
  });

  it("is a named speaker's, never an anonymous one's, for a speaker whose name is withheld", () => {
    const anonymous = othersOccasion({ withheld: 'speaking on condition of anonymity' }, namedIn)!;
    expect(anonymous(conference)).toBe(true);
    expect(anonymous('A news conference was held.')).toBe(false);
    const source = `${conference}\n\nAn aide, speaking on condition of anonymity, said repairs would take a year.`;
    expect(
      suggestMedium(
        ['An aide, speaking on condition of anonymity, said repairs would take a year.'],
        source,
        anonymous,
      ),
    ).toEqual({
      kind: 'unstated',
      others: ['news conference'],
    });
  });

  it('tells nothing for an unnamed speaker whose name is not said to be withheld: the editor chooses', () => {
    expect(othersOccasion(undefined, namedIn)).toBeUndefined();
  });
});
