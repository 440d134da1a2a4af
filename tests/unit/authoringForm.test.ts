import { describe, expect, it } from 'vitest';
import { contextOf } from '../../src/lib/authoring/context';
import { suggestForm } from '../../src/lib/authoring/form';
import { seedText, spanOf } from './authoringSeed';

/* The form suggested for the seed's quotes, from the seed article's own sentences. */

const formOf = (words: string) => {
  const span = spanOf(words);
  return suggestForm(seedText, span, contextOf(seedText, span.start, span.end)).form;
};

describe('quote form', () => {
  it('is direct for words in quotation marks, whole or in part', () => {
    expect(formOf('If the Taliban do not choose peace, a future based on consensus and compromise')).toBe('direct');
    expect(formOf('rooted in the support for a negotiated settlement')).toBe('direct');
  });

  it('is reported for words the source gives without marks before "the statement read"', () => {
    expect(
      formOf(
        'The Taliban should immediately end their campaigns of targeting civil society activists, religious scholars, journalists, and media employees, human rights activists, healthcare personnel, judicial employees, and other civilians',
      ),
    ).toBe('reported');
  });

  it('is paraphrase for the source’s own narration', () => {
    expect(formOf('the Taliban have no excuse to continue bloodshed')).toBe('paraphrase');
    expect(formOf('urged the Taliban to take hold themselves responsible for the peace process')).toBe('paraphrase');
  });
});

describe('quote form with the reporting clause first', () => {
  const text = 'The union says more than 4,000 workers have joined the strike. Ships wait in the bay.';
  const formIn = (words: string) => {
    const start = text.indexOf(words);
    const span = { start, end: start + words.length, text: words };
    return suggestForm(text, span, contextOf(text, start, span.end)).form;
  };

  it('is reported for words after "The union says"', () => {
    expect(formIn('more than 4,000 workers have joined the strike')).toBe('reported');
  });

  it('is reported after a subject with a long aside between commas', () => {
    const long =
      'A port engineer, who asked not to be named because he is not allowed to speak to the press, said the cranes had been idle for a week.';
    const words = 'the cranes had been idle for a week';
    const start = long.indexOf(words);
    const span = { start, end: start + words.length, text: words };
    expect(suggestForm(long, span, contextOf(long, start, span.end)).form).toBe('reported');
  });

  it('stays a paraphrase for narration with no reporting verb before it', () => {
    expect(formIn('Ships wait in the bay')).toBe('paraphrase');
  });
});
