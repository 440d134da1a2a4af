/** `npm run new -- quote`: a quote's speaker, form, date, medium and language, from flags, suggestions and questions. */
import { join } from 'node:path';
import { media, quoteForms } from '../../lib/model/entities.ts';
import type { Span } from '../../lib/content/verbatim.ts';
import { contextOf, type PassageContext } from '../../lib/authoring/context.ts';
import { namedActors, organisationIn, suggestSpeaker, type ActorNames } from '../../lib/authoring/actors.ts';
import { attributionOf } from '../../lib/authoring/accounts.ts';
import { suggestDate, type Scope } from '../../lib/authoring/dates.ts';
import { suggestForm } from '../../lib/authoring/form.ts';
import { statedLanguage } from '../../lib/authoring/language.ts';
import { datedByDocument, referredDocument, type ReferredDocument } from '../../lib/authoring/document.ts';
import { othersOccasion, suggestMedium, type MediumSuggestion } from '../../lib/authoring/medium.ts';
import { unnamedSpeaker } from '../../lib/authoring/unnamed.ts';
import { suggestId } from '../../lib/authoring/ids.ts';
import { entityFile } from '../../lib/authoring/files.ts';
import { Decider, type Suggested } from '../decide.ts';
import { oneOf, Stop, type Flags } from './flags.ts';
import { foundIn, referenceOf } from './folder.ts';
import { dateSuggested, decideDate } from './dates.ts';
import { newActorFile } from './actor.ts';
import { commit, type Io, type Pending } from './write.ts';

/** A medium suggestion as a field's: named near the words; to choose, when the source names one only elsewhere; or `unstated`. */
function mediumSuggested(suggestion: MediumSuggestion): Suggested<(typeof media)[number]> {
  if (suggestion.kind === 'near')
    return { kind: 'value', value: suggestion.medium, note: `"${suggestion.words}" near the words` };
  if (suggestion.kind === 'unstated')
    return {
      kind: 'value',
      value: 'unstated',
      note:
        suggestion.others === undefined
          ? 'the source names no medium'
          : `the source names ${suggestion.others.map((w) => `"${w}"`).join(', ')} only where it names other speakers`,
    };
  if (suggestion.kind === 'implied')
    return {
      kind: 'choose',
      why: `the sentence says "${suggestion.words}", which names no medium of the model: ${suggestion.candidates.join(' or ')}, or unstated if the source does not say`,
      options: [
        ...suggestion.candidates.map((m) => ({ value: m, label: m })),
        { value: 'unstated' as const, label: 'unstated' },
      ],
    };
  return {
    kind: 'choose',
    why: `no medium is named near the words, but the source names ${suggestion.candidates.map((c) => `"${c.words}"`).join(', ')} elsewhere`,
    options: [
      ...suggestion.candidates.map((c) => ({ value: c.medium, label: c.medium })),
      { value: 'unstated' as const, label: 'unstated' },
    ],
  };
}

/** Who said a quote: an actor, or a speaker the source describes without a name. */
type Speaker = { speaker: string } | { unnamed: { description: string; affiliation?: string | undefined } };

const showSpeaker = (who: Speaker) =>
  'speaker' in who
    ? who.speaker
    : `unnamed: ${who.unnamed.description}${who.unnamed.affiliation ? ` (affiliation: ${who.unnamed.affiliation})` : ''}`;

/** A speaker typed in a terminal: an actor id, or `unnamed: <description>`. */
const parseSpeaker = (typed: string): Speaker => {
  const unnamed = /^unnamed:\s*(.+)$/su.exec(typed.trim());
  return unnamed ? { unnamed: { description: unnamed[1]!.trim() } } : { speaker: typed.trim() };
};

/**
 * The speaker: a flag (`--speaker`, `--unnamed`, or `--new-actor`, whose file is returned to write
 * with the quote), else the suggestion from the words around the quote: an unnamed speaker the
 * sentence describes ("a senior official, speaking on condition of anonymity"), the actors it or the
 * paragraph names, or, when both could be, a question.
 */
async function speakerOf(
  io: Io,
  flags: Flags,
  decider: Decider,
  actors: ActorNames[],
  context: PassageContext,
  exclude: Span | undefined,
  body: string,
  document: ReferredDocument | undefined,
): Promise<{ who: Speaker | undefined; actorFile?: Pending }> {
  if (flags['new-actor'] !== undefined) {
    const made = await newActorFile(io, flags, flags['new-actor']);
    return { who: { speaker: made.id }, actorFile: made.file };
  }
  const affiliation = flags.affiliation;
  if (flags.unnamed !== undefined)
    return {
      who: affiliatedOf(
        { unnamed: { description: flags.unnamed.trim(), ...(affiliation && { affiliation }) } },
        actors,
      ),
    };
  const suggestion = suggestSpeaker(context, actors, exclude, body);
  const name = (id: string) => actors.find((a) => a.id === id)?.name ?? id;
  const described = unnamedSpeaker(context.sentence, exclude);
  const unnamedSuggested: Suggested<Speaker> | undefined = described && {
    kind: 'value',
    value: {
      unnamed: {
        description: described.description,
        affiliation: affiliation ?? organisationIn(described.description, actors),
      },
    },
    note: `"${described.span.text}" in the sentence${described.withheld ? `, "${described.withheld}"` : ''}: the source does not name the speaker`,
  };
  const actorSuggested: Suggested<Speaker> =
    suggestion.kind === 'actor'
      ? {
          kind: 'value',
          value: { speaker: suggestion.id },
          note: `"${suggestion.mention.text}" in the ${suggestion.where}${suggestion.mention.named === 'before' ? ', the one of that surname the source names in full before it' : ''}`,
        }
      : suggestion.kind === 'ambiguous'
        ? {
            kind: 'choose',
            why: `${suggestion.mentions.map((m) => `"${m.text}"`).join(', ')} in the ${suggestion.where} could be ${suggestion.candidates.map(name).join(' or ')}`,
            options: suggestion.candidates.map((id) => ({ value: { speaker: id }, label: id })),
          }
        : (documentIssuer(document, body, actors) ?? attributedSpeaker(context.sentence.text, actors));
  // A person the sentence names beside an unnamed description could be either: the editor says.
  const both =
    unnamedSuggested?.kind === 'value' && suggestion.kind !== 'none' && suggestion.where === 'sentence'
      ? ({
          kind: 'choose',
          why: `the sentence describes an unnamed speaker, "${described!.description}", and names ${(suggestion.kind === 'actor' ? [suggestion.id] : suggestion.candidates).map(name).join(', ')}`,
          options: [
            { value: unnamedSuggested.value, label: `--unnamed "${described!.description}"` },
            ...(suggestion.kind === 'actor' ? [suggestion.id] : suggestion.candidates).map((id) => ({
              value: { speaker: id },
              label: `--speaker ${id}`,
            })),
          ],
        } satisfies Suggested<Speaker>)
      : undefined;
  const who = await decider.decide<Speaker>(
    'speaker',
    '--speaker',
    flags.speaker === undefined ? undefined : { speaker: flags.speaker.trim() },
    both ?? unnamedSuggested ?? actorSuggested,
    { parse: parseSpeaker, show: showSpeaker, required: '<actor id> | --unnamed "<description>"' },
  );
  if (who && 'speaker' in who && !actors.some((a) => a.id === who.speaker))
    throw new Stop(
      `No actor "${who.speaker}": give an existing id, --unnamed "<description>" for a speaker the source does not name, or --new-actor "<Name>"`,
    );
  if (who && 'unnamed' in who && who.unnamed.affiliation === undefined) {
    const affiliation = await decider.decide(
      'unnamed.affiliation',
      '--affiliation <organisation id>',
      undefined,
      { kind: 'none', why: 'the organisation the source ties the speaker to, if it does' },
      { parse: (s) => s.trim() || undefined },
    );
    if (affiliation !== undefined) who.unnamed.affiliation = affiliation;
  }
  return { who: who && affiliatedOf(who, actors) };
}

/** The speaker, its affiliation (if any) checked to be an organisation among the actors. */
function affiliatedOf(who: Speaker, actors: ActorNames[]): Speaker {
  const affiliation = 'unnamed' in who ? who.unnamed.affiliation : undefined;
  if (affiliation !== undefined && !actors.some((a) => a.id === affiliation && a.kind === 'organisation'))
    throw new Stop(`No organisation "${affiliation}" among the actors: --affiliation takes an organisation's actor id`);
  return who;
}

/** Who issued the document the words are from ("the statement read"), named where the source introduces it. */
function documentIssuer(
  document: ReferredDocument | undefined,
  body: string,
  actors: ActorNames[],
): Suggested<Speaker> | undefined {
  if (document === undefined) return undefined;
  const issuer = suggestSpeaker(
    contextOf(body, document.introduced.start, document.introduced.end),
    actors,
    undefined,
    body,
  );
  return issuer.kind === 'actor' && issuer.where === 'sentence'
    ? {
        kind: 'value',
        value: { speaker: issuer.id },
        note: `"${document.words}" is the one the source introduces in "${document.introduced.text}", with "${issuer.mention.text}"`,
      }
    : undefined;
}

/** The speaker a sentence attributes the words to ("according to the harbour office") when it names no actor. */
function attributedSpeaker(sentence: string, actors: ActorNames[]): Suggested<Speaker> {
  const attribution = attributionOf(sentence, actors);
  if (attribution?.id !== undefined)
    return { kind: 'value', value: { speaker: attribution.id }, note: `"${attribution.by} ${attribution.words}"` };
  const how = '--unnamed "<description>" for a speaker the source does not name, --new-actor "<Name>" for a named one';
  if (attribution !== undefined)
    return {
      kind: 'none',
      why: `the sentence gives the words to "${attribution.words}", which is no actor yet: ${how}`,
    };
  return { kind: 'none', why: `no actor named in the sentence or the paragraph; ${how}` };
}

/** Whether a sentence tells only of others' occasions (src/lib/authoring/medium.ts): for a named speaker, or one whose name the sentence says is withheld. */
function othersOnly(who: Speaker | undefined, actors: ActorNames[], withheld: string | undefined) {
  const speaker = who === undefined ? undefined : 'speaker' in who ? { actor: who.speaker } : withheld && { withheld };
  return othersOccasion(speaker || undefined, (sentence) => namedActors(sentence, actors).ids);
}

export async function newQuote(io: Io, flags: Flags, [slug, words]: string[]): Promise<number> {
  if (slug === undefined || words === undefined)
    throw new Stop('quote needs a story and the words: npm run new -- quote <slug> "<words>"');
  const viaPassage = flags.passage !== undefined;
  const { story, source, span, body, context, actors } = foundIn(io, slug, flags.passage ?? words, flags.source);
  const decider = new Decider(io.prompter, flags.yes ?? false, io.out);
  const detected = viaPassage
    ? { form: 'paraphrase' as const, why: 'the words are yours; the passage is the source’s' }
    : suggestForm(body, span, context);
  const form = await decider.decide(
    'form',
    '--form',
    oneOf('form', quoteForms, flags.form),
    { kind: 'value', value: detected.form, note: detected.why },
    {
      parse: (s) => oneOf('form', quoteForms, s.trim())!,
    },
  );
  const quoted = form !== 'paraphrase';
  // A document the sentence refers back to ("the statement read") says who and when, where the source introduces it.
  const document = referredDocument(body, context.sentence, quoted ? span : undefined);
  const passage = form === 'paraphrase' ? (viaPassage ? flags.passage : context.sentence.text) : undefined;
  const { who, actorFile } = await speakerOf(
    io,
    flags,
    decider,
    actors,
    context,
    quoted ? span : undefined,
    body,
    document,
  );
  // The paragraph's later sentences are not the words' own: a date there is offered, never suggested.
  const laterFrom = context.sentence.end;
  const scopes: Scope[] = quoted
    ? [
        { ...context.sentence, exclude: span },
        { ...context.paragraph, exclude: span, laterFrom },
      ]
    : [
        { text: span.text, start: span.start },
        { text: context.sentence.text, start: context.sentence.start },
        { text: context.paragraph.text, start: context.paragraph.start, laterFrom },
      ];
  const ownDate = suggestDate(scopes, referenceOf(source), 'said');
  const said = await decideDate(
    'said',
    flags,
    decider,
    dateSuggested(
      ownDate.kind === 'none' && document !== undefined
        ? datedByDocument(document, suggestDate([document.introduced], referenceOf(source), 'said'))
        : ownDate,
    ),
  );
  const mediumSuggestion = suggestMedium(
    [context.sentence.text, context.paragraph.text],
    body,
    othersOnly(who, actors, unnamedSpeaker(context.sentence, quoted ? span : undefined)?.withheld),
  );
  const medium = await decider.decide(
    'medium',
    '--medium',
    oneOf('medium', media, flags.medium),
    mediumSuggested(mediumSuggestion),
    { parse: (s) => oneOf('medium', media, s.trim())! },
  );
  // A medium chosen from words that imply it ("told the broadcaster …") is ours: it says so, and on what words.
  const inferredFrom =
    flags['medium-inferred-from'] ??
    (mediumSuggestion.kind === 'implied' && medium !== undefined && mediumSuggestion.candidates.includes(medium)
      ? mediumSuggestion.words
      : undefined);
  const mediumBasis = inferredFrom === undefined ? undefined : { provenance: 'inferred' as const, words: inferredFrom };
  // Words in another script than the source's language writes in are another language: the editor names it.
  const sourceLang = source.data.lang;
  const foreign = /^(?:en|fr|de|es|it|pt|nl)\b/.test(sourceLang) && /[\p{L}--\p{Script=Latin}]/v.test(words);
  // A language the sentence names ("she said in Portuguese"), with the source's translation after the words.
  const stated = quoted ? statedLanguage(context.sentence, span, sourceLang) : undefined;
  const lang =
    foreign || stated !== undefined
      ? await decider.decide(
          'lang',
          '--lang',
          flags.lang,
          stated === undefined
            ? {
                kind: 'none',
                why: `the words are not in the Latin script the source's language (${sourceLang}) is written in`,
              }
            : { kind: 'value', value: stated.tag, note: `"${stated.words}" in the sentence` },
          { parse: (s) => s.trim(), required: '<BCP 47 tag> with --translation "<the words in English>"' },
        )
      : flags.lang;
  const translation =
    flags.translation === undefined
      ? stated?.translation !== undefined && lang === stated.tag
        ? await decider.decide(
            'translation',
            '--translation',
            undefined,
            {
              kind: 'value',
              value: { by: 'source' as const, source: source.id.slice(slug.length + 1), words: stated.translation },
              note: "the quotation after the words, the source's translation",
            },
            { show: (t) => t.words },
          )
        : undefined
      : flags['translation-source'] === undefined
        ? { by: 'us' as const, words: flags.translation }
        : { by: 'source' as const, source: flags['translation-source'], words: flags.translation };
  const prefix =
    who && 'speaker' in who
      ? (actors.find((a) => a.id === who.speaker)?.name ?? flags['new-actor'] ?? '').split(/\s+/).at(-1)!
      : (who?.unnamed.description.split(/\s+/).at(-1) ?? '');
  const id = flags.id ?? suggestId(prefix, words, story.taken.quotes);
  decider.settle();
  const fields = {
    ...(who ?? {}),
    source: source.id.slice(slug.length + 1),
    form,
    medium,
    mediumBasis,
    passage,
    attribution: flags.attribution,
    said,
    lang,
    translation,
  };
  for (const note of decider.notes) io.out(`  to check: ${note}`);
  return commit(io, [
    ...(actorFile ? [actorFile] : []),
    { path: join(story.dir, 'quotes', `${id}.md`), text: entityFile(fields, `${words}\n`) },
  ]);
}
