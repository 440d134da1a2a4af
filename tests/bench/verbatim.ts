/**
 * How long the verbatim matcher takes on a 2 MB source (src/lib/content/verbatim.ts, `findVerbatim`):
 * a quote of its last paragraph with 0, 5 and 20 cuts, found; and the 20-cut quote with its last
 * words changed, so that every place each run of words stands must be tried and none completes the
 * quote (the case a backtracking pattern never finished). Prints figures, asserts nothing; the unit
 * test (tests/unit/verbatim.test.ts) checks the same quotes are found where they should be.
 *
 *   node tests/bench/verbatim.ts [--size 2000000] [--runs 5]
 */
import { parseArgs } from 'node:util';
import { findVerbatim } from '../../src/lib/content/verbatim.ts';
import { generatedSource, quoteWithCuts } from './verbatimSource.ts';

const { values } = parseArgs({
  options: { size: { type: 'string', default: '2000000' }, runs: { type: 'string', default: '5' } },
});
const source = generatedSource(Number(values.size));
const runs = Number(values.runs);

/** The median of `runs` timings of `work`, in milliseconds. */
function median(work: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

// A source is normalised and indexed once, on its first quote, and kept for the next, as a story's
// quotes are checked against one source in a row: timed apart, on copies the matcher has not seen.
let copy = 0;
const first = median(() => findVerbatim('the talks', `${source}${' '.repeat(++copy)}`));
console.log(
  `source: ${source.length.toLocaleString('en')} characters; its first quote (normalising and indexing it): ${first.toFixed(0)} ms`,
);
findVerbatim('the talks', source);
for (const cuts of [0, 5, 20]) {
  const { quote, passage } = quoteWithCuts(source, cuts);
  const result = findVerbatim(quote, source);
  const right = result.found && result.text === passage;
  const ms = median(() => findVerbatim(quote, source));
  console.log(
    `${String(cuts).padStart(2)} cuts: ${ms.toFixed(1)} ms${right ? '' : ' (NOT FOUND: the matcher is wrong)'}`,
  );
}
const { quote } = quoteWithCuts(source, 20);
const missing = `${quote} […] ceasefire zebra`;
const ms = median(() => findVerbatim(missing, source));
console.log(`20 cuts, not in the source: ${ms.toFixed(1)} ms (with the closest passage for the message)`);
