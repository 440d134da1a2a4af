/**
 * A synthetic corpus in the real content format (README, "Writing a story"), for the scaling
 * benchmark: N stories of realistic size, each with a ~3,000-character source, 4 quotes that occur
 * in it verbatim (2 direct, 1 reported, 1 paraphrase with its passage), 6 events at every date
 * precision, 5 claims (one per status) and 4 actors drawn from a pool shared across stories. The pool
 * grows as the square root of N, so each actor appears in more stories as N grows (actor pages grow).
 * Deterministic: the same N always gives the same files.
 */

/** A content file: its path relative to the content folder, and its text. */
export type Files = Map<string, string>;

/** A small deterministic PRNG (mulberry32), so corpora are reproducible without a dependency. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

const FIRST = [
  'Amina',
  'Bashir',
  'Carla',
  'Dawit',
  'Elena',
  'Farid',
  'Grace',
  'Hamid',
  'Ines',
  'Jonas',
  'Karim',
  'Leila',
  'Mateo',
  'Nadia',
  'Omar',
  'Priya',
  'Rashid',
  'Sofia',
  'Tariq',
  'Yara',
];
const LAST = [
  'Ahmadi',
  'Baraki',
  'Castell',
  'Durani',
  'Eriksen',
  'Faizi',
  'Ghani',
  'Hotak',
  'Ibrahimi',
  'Jalali',
  'Karimi',
  'Lodin',
  'Mansoor',
  'Noori',
  'Osmani',
  'Popal',
  'Qaderi',
  'Rahimi',
  'Safi',
  'Wardak',
];
const ORGS = [
  'Ministry of Finance',
  'Regional Water Authority',
  'National Assembly',
  'Transport Union',
  'Health Workers Council',
  'Central Bank',
  'Election Commission',
  'Farmers Cooperative',
];
const TITLES = [
  'spokesperson',
  'minister',
  'chief negotiator',
  'director',
  'chair',
  'deputy governor',
  'senior adviser',
  'secretary-general',
];
const TOPICS = [
  'the dam project',
  'the grain reserve',
  'the border crossing',
  'the budget vote',
  'the vaccination campaign',
  'the rail link',
  'the wage agreement',
  'the ceasefire talks',
];
const PLACES = ['Kabul', 'Herat', 'Mazar-i-Sharif', 'Kandahar', 'Jalalabad', 'Bamyan', 'Kunduz', 'Ghazni'];
const FILLER = [
  'Officials familiar with the negotiations said the talks had stalled over the timetable and the order in which commitments would be met.',
  'Local residents described long queues at the offices that handle the paperwork, and several said they had waited for weeks without an answer.',
  'The dispute has drawn attention from donors, who have tied part of their funding to progress on transparency and independent audits.',
  'Analysts noted that similar promises had been made twice before, and that both earlier rounds ended without a signed agreement.',
  'A report published by an independent monitoring group found that spending on the programme had risen sharply while delivery lagged behind.',
  'Opposition members called for a public hearing, arguing that the figures presented so far could not be checked by anyone outside the ministry.',
  'The announcement came after a week of protests in several provinces, where crowds gathered outside government buildings to demand answers.',
  'Diplomats in the capital said privately that they expected the deadline to slip again, citing the lack of a detailed implementation plan.',
];

const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const pad = (n: number) => String(n).padStart(2, '0');

interface Actor {
  id: string;
  name: string;
  kind: 'person' | 'organisation';
}

/** The shared actor pool: people and organisations with distinct names. */
function actorPool(size: number): Actor[] {
  return Array.from({ length: size }, (_, i) => {
    // Every fifth actor is an organisation; later ones are regional branches, so names stay distinct.
    if (i % 5 === 4) {
      const j = Math.floor(i / 5);
      const org = ORGS[j % ORGS.length]!;
      const name =
        j < ORGS.length
          ? org
          : `${org} of ${PLACES[Math.floor(j / ORGS.length) % PLACES.length]} ${Math.floor(j / (ORGS.length * PLACES.length)) + 1}`;
      return { id: slugify(name), name, kind: 'organisation' as const };
    }
    const person = i - Math.floor(i / 5);
    const round = Math.floor(person / (FIRST.length * LAST.length));
    const name = `${FIRST[person % FIRST.length]} ${round > 0 ? `${String.fromCharCode(65 + (round % 26))}. ` : ''}${LAST[Math.floor(person / FIRST.length) % LAST.length]}`;
    return { id: slugify(name), name, kind: 'person' as const };
  });
}

/** How many actors N stories share: grows as √N, so actors recur in more stories as N grows. */
export const poolSize = (stories: number) => Math.max(4, Math.ceil(4 * Math.sqrt(stories)));

const yamlList = (items: string[]) => `[${items.join(', ')}]`;

/** Every content file of a corpus of `count` stories, keyed by path under the content folder. */
export function generateCorpus(count: number): Files {
  const files: Files = new Map();
  const pool = actorPool(poolSize(count));
  const used = new Set<string>();

  for (let s = 0; s < count; s++) {
    const rng = random(s + 1);
    const slug = `story-${String(s + 1).padStart(5, '0')}`;
    const base = `stories/${slug}`;
    const topic = rng.pick(TOPICS);
    const place = rng.pick(PLACES);
    // Four distinct actors: a spread over the pool that wraps, so every actor is used.
    const cast = Array.from({ length: 4 }, (_, k) => pool[(s * 4 + k * 7) % pool.length]!).filter(
      (actor, k, all) => all.findIndex((a) => a.id === actor.id) === k,
    );
    while (cast.length < 4) cast.push(pool.find((a) => !cast.includes(a))!);
    cast.forEach((actor) => used.add(actor.id));
    const [a, b, c, d] = cast as [Actor, Actor, Actor, Actor];
    const year = 2015 + (s % 10);
    const month = 1 + (s % 9);
    const day = 3 + (s % 20);
    const published = `${year}-${pad(month + 2)}-${pad(day)}`;

    // The four quoted passages, verbatim in the source.
    const direct1 = `We will not accept another delay on ${topic}, and we expect a written timetable before the end of the month.`;
    const direct2 = `The people of ${place} have waited long enough, and every week without a decision costs them more than it costs us.`;
    const reported = `Work on ${topic} would be reviewed by an independent panel before any further payment was approved`;
    const passage = `${d.name} said the government had ignored three written warnings about ${topic} and would now face questions in parliament.`;
    const claimPassages = [
      `Figures seen by reporters show that costs on ${topic} have doubled since the agreement was signed.`,
      `Critics say the ministry withheld the audit of ${topic} for more than a year.`,
      `The ministry denies that any funds for ${topic} were diverted to other programmes.`,
      `An earlier inspection confirmed that work on ${topic} stopped in ${place} for six months.`,
      `Some local officials claim that the contractor has already left ${place}.`,
    ];
    const paragraphs = [
      `${a.name} warned on Tuesday that the government would lose the confidence of donors if ${topic} in ${place} slipped again. “${direct1}” ${a.name} said in a statement.`,
      `${claimPassages[0]} ${rng.pick(FILLER)} ${rng.pick(FILLER)}`,
      `Speaking at a press conference in ${place} on ${month}/${day}, ${b.name} struck a sharper tone. “${direct2}” ${b.name} told reporters.`,
      `${claimPassages[1]} ${claimPassages[2]} ${rng.pick(FILLER)}`,
      `${reported}, the joint statement read. ${c.name} signed the statement on behalf of the oversight committee. ${rng.pick(FILLER)}`,
      `In recent weeks, ${passage} ${claimPassages[3]} ${claimPassages[4]}`,
      `${rng.pick(FILLER)} ${rng.pick(FILLER)} ${rng.pick(FILLER)}`,
      `The first agreement on ${topic} was signed in ${year - 2}, and the programme was expanded in the spring of ${year - 1}. ${rng.pick(FILLER)} ${rng.pick(FILLER)}`,
    ];
    files.set(
      `${base}/sources/article.md`,
      `---
title: "[Article: ${a.name} warns over ${topic}]"
publisher: The Daily ${place}
published:
  on: ${published}
  provenance: inferred
  reasoning: >-
    The text carries no date of its own; it reports the press conference as held the day before, which
    places publication on ${published}.
---
${paragraphs.join('\n\n')}
`,
    );

    const inferredDay = (on: string, words: string) => `said:
  on: ${on}
  statedAs: ${words}
  provenance: inferred
  reasoning: >-
    The source gives "${words}" without a year; read against its publication date, the day is ${on}.`;
    const quoteDay = `${year}-${pad(month + 2)}-${pad(day - 1)}`;
    const quotes: [string, string][] = [
      [
        'direct-warning',
        `---\nspeaker: ${a.id}\nsource: article\nform: direct\nmedium: statement\n${inferredDay(quoteDay, 'on Tuesday')}\n---\n${direct1}\n`,
      ],
      [
        'direct-press',
        `---\nspeaker: ${b.id}\nsource: article\nform: direct\nmedium: press conference\n${inferredDay(`${year}-${pad(month)}-${pad(day)}`, `${month}/${day}`)}\n---\n${direct2}\n`,
      ],
      [
        'reported-review',
        `---\nspeaker: ${c.id}\nsource: article\nform: reported\nmedium: statement\n---\n${reported}\n`,
      ],
      [
        'paraphrase-warnings',
        `---\nspeaker: ${d.id}\nsource: article\nform: paraphrase\nmedium: unstated\npassage: >-\n  ${passage}\n---\nThe government was warned three times in writing about ${topic} and ignored every warning.\n`,
      ],
    ];
    for (const [id, text] of quotes) files.set(`${base}/quotes/${id}.md`, text);

    const claims: [string, string][] = [
      [
        'costs-doubled',
        `---\nclaimants: [${b.id}]\nsource: article\nstatus: reported\nquotes: [direct-press]\npassages:\n  - ${claimPassages[0]}\n---\nThe costs of ${topic} have doubled since the agreement.\n`,
      ],
      [
        'audit-withheld',
        `---\nclaimants: [${d.id}]\nsource: article\nstatus: disputed\ndisputedBy: [${c.id}]\nquotes: [paraphrase-warnings]\npassages:\n  - ${claimPassages[1]}\n---\nThe ministry withheld the audit of ${topic}.\n`,
      ],
      [
        'funds-diverted',
        `---\nclaimants: [${a.id}]\nsource: article\nstatus: denied\ndisputedBy: [${c.id}, ${b.id}]\npassages:\n  - ${claimPassages[2]}\n---\nFunds for ${topic} were diverted to other programmes.\n`,
      ],
      [
        'work-stopped',
        `---\nsource: article\nstatus: confirmed\npassages:\n  - ${claimPassages[3]}\n---\nWork on ${topic} stopped for six months.\n`,
      ],
      [
        'contractor-left',
        `---\nclaimants: [${d.id}]\nsource: article\nstatus: unverified\npassages:\n  - ${claimPassages[4]}\n---\nThe contractor has left ${place}.\n`,
      ],
    ];
    for (const [id, text] of claims) files.set(`${base}/claims/${id}.md`, text);

    // One event at each precision and provenance the model supports.
    const events: [string, string, string, string[], string[], string[]][] = [
      [
        'first-agreement',
        'The first agreement is signed',
        `on: ${year - 2}\n  statedAs: in ${year - 2}\n  provenance: stated`,
        [a.id, c.id],
        [],
        [],
      ],
      [
        'programme-expanded',
        'The programme is expanded',
        `on: ${year - 1}-04\n  part: early\n  statedAs: in the spring of ${year - 1}\n  provenance: inferred\n  reasoning: Spring in the northern hemisphere; the source names no month, so early April is our reading.`,
        [c.id],
        [],
        ['costs-doubled'],
      ],
      [
        'work-halted',
        'Work stops for six months',
        `on: ${year}-${pad(month)}\n  statedAs: for six months\n  provenance: inferred\n  reasoning: Six months before the press conference, counting back from the publication date.`,
        [d.id],
        [],
        ['work-stopped'],
      ],
      [
        'warnings-ignored',
        'Written warnings go unanswered',
        `earliest: ${year}-${pad(month)}-01\n  latest: ${year}-${pad(month + 1)}-15\n  statedAs: in recent weeks\n  provenance: inferred\n  relativeTo: ${published}\n  reasoning: The source says the warnings came in the weeks before the press conference.`,
        [d.id, c.id],
        ['paraphrase-warnings'],
        ['audit-withheld'],
      ],
      [
        'press-conference',
        `${b.name} speaks to reporters`,
        `on: ${year}-${pad(month)}-${pad(day)}\n  statedAs: on ${month}/${day}\n  provenance: inferred\n  reasoning: The source gives the day and month; the year is that of its publication.`,
        [b.id],
        ['direct-press'],
        ['funds-diverted'],
      ],
      [
        'warning-issued',
        `${a.name} issues a warning`,
        `on: ${quoteDay}\n  statedAs: on Tuesday\n  provenance: inferred\n  relativeTo: ${published}\n  reasoning: The Tuesday before the source's publication date.`,
        [a.id, b.id],
        ['direct-warning', 'reported-review'],
        ['contractor-left'],
      ],
    ];
    for (const [id, title, when, actors, quoteIds, claimIds] of events) {
      files.set(
        `${base}/events/${id}.md`,
        `---\ntitle: ${title}\nwhen:\n  ${when}\nsource: article\nactors: ${yamlList(actors)}\nquotes: ${yamlList(quoteIds)}\nclaims: ${yamlList(claimIds)}\n---\n${title} in ${place}, according to the source. ${rng.pick(FILLER)}\n`,
      );
    }

    files.set(
      `${base}/story.mdx`,
      `---
title: "${a.name}'s warning over ${topic}"
dek: >-
  Delays to ${topic} in ${place} have set officials against each other. Who said what, and when, with
  every quote checked against the source.
bottomLine:
  - ${a.name} warned that donors would lose confidence if ${topic} slipped again.
  - ${b.name} said every week without a decision costs the people of ${place} more.
  - Whether the ministry withheld an audit is disputed; claims that funds were diverted are denied.
published: ${published}
updated: ${published}
---

## What was said

${a.name} warned that another delay would cost the government the confidence of donors.<Cite quote="direct-warning" />
A day later ${b.name} went further, saying the people of ${place} had waited long enough.<Cite quote="direct-press" />
The oversight committee said the project would be reviewed before any further payment.<Cite quote="reported-review" />

## Why it matters

${rng.pick(FILLER)} ${d.name} says three written warnings were ignored.<Cite quote="paraphrase-warnings" />
Costs are reported to have doubled.<Cite claim="costs-doubled" /> ${rng.pick(FILLER)}

## What is disputed

Whether the audit was withheld is disputed.<Cite claim="audit-withheld" /> The ministry denies that
funds were diverted.<Cite claim="funds-diverted" /> ${rng.pick(FILLER)}
`,
    );
  }

  for (const actor of pool) {
    if (!used.has(actor.id)) continue;
    const rng = random(actor.id.length * 7919 + actor.name.charCodeAt(0));
    files.set(
      `actors/${actor.id}.md`,
      actor.kind === 'person'
        ? `---\nname: ${actor.name}\nkind: person\nroles:\n  - title: ${rng.pick(TITLES)}\n    organisation: ${rng.pick(ORGS)}\n    from: 2012\n---\nA public figure who appears in the synthetic corpus.\n`
        : `---\nname: ${actor.name}\nkind: organisation\n---\nAn organisation that appears in the synthetic corpus.\n`,
    );
  }
  return files;
}

/**
 * The bare baseline's Markdown collection: `pages` entries (one page each, as many as our site
 * builds), each holding one of the corpus's source texts in turn, so both sites render the same
 * texts into the same number of pages.
 */
export function baselineTexts(corpus: Files, pages: number): Files {
  const sources = [...corpus].filter(([path]) => /\/sources\/[^/]+\.md$/.test(path)).map(([, text]) => text);
  const files: Files = new Map();
  for (let i = 0; i < pages; i++) {
    const text = sources[i % sources.length]!;
    const body = text.slice(text.indexOf('\n---\n', 4) + 5);
    const title = /^title: (.*)$/m.exec(text)?.[1] ?? `Text ${i + 1}`;
    files.set(`text-${String(i + 1).padStart(6, '0')}.md`, `---\ntitle: ${title}\n---\n${body}`);
  }
  return files;
}
