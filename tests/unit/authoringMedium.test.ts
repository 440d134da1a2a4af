import { describe, expect, it } from 'vitest';
import { suggestMedium } from '../../src/lib/authoring/medium';

/* The medium named near a quote, sentence before paragraph. */

describe('quote medium', () => {
  it('reads the medium the sentence names', () => {
    expect(suggestMedium(['said US peace envoy in a tweet posted late on Friday.']).medium).toBe('tweet');
    expect(suggestMedium(['while speaking at a virtual meeting last week, vowed']).medium).toBe('virtual meeting');
    expect(suggestMedium([', the statement read.']).medium).toBe('statement');
    expect(suggestMedium(['The 20-point declaration urges the parties']).medium).toBe('statement');
    expect(suggestMedium(['he told a press conference']).medium).toBe('press conference');
  });

  it('takes the first named when there are several, and the paragraph when the sentence names none', () => {
    expect(suggestMedium(['In an interview after his speech']).medium).toBe('interview');
    expect(suggestMedium(['Khalilzad said.', 'In a speech, Khalilzad said.'])).toEqual({
      medium: 'speech',
      words: 'speech',
    });
  });

  it('is unstated when nothing near the words names one', () => {
    expect(suggestMedium(['Khalilzad said.', 'Khalilzad said.'])).toEqual({ medium: 'unstated' });
  });
});
