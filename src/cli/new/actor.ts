/** `npm run new -- actor`, and the new actor a quote's `--new-actor` writes with it. */
import { join } from 'node:path';
import { idOf } from '../../lib/authoring/ids.ts';
import { entityFile } from '../../lib/authoring/files.ts';
import { Decider } from '../decide.ts';
import { oneOf, Stop, type Flags } from './flags.ts';
import { commit, type Io, type Pending } from './write.ts';

/** A new actor's id and file, to write with what needs it; asks (or needs flags) for its kind and role. */
export async function newActorFile(io: Io, flags: Flags, name: string): Promise<{ id: string; file: Pending }> {
  const decider = new Decider(io.prompter, flags.yes ?? false, io.out);
  const kinds = ['person', 'organisation'] as const;
  const kind = await decider.decide('kind', '--kind', oneOf('kind', kinds, flags.kind), {
    kind: 'choose',
    why: 'a person or an organisation?',
    options: kinds.map((k) => ({ value: k, label: k })),
  });
  const title = await decider.decide(
    'role',
    '--role',
    flags.role,
    { kind: 'none', why: 'the title the sources give' },
    { parse: (s) => s.trim() },
  );
  const id = flags.id !== undefined && flags['new-actor'] === undefined ? flags.id : idOf(name);
  decider.settle();
  const roles = title
    ? [
        {
          title,
          organisation: flags['role-organisation'],
          of: flags.of,
          from: flags['role-from'],
          to: flags['role-to'],
        },
      ]
    : undefined;
  const text = entityFile(
    { name, kind, disambiguation: flags.disambiguation, roles, aliases: flags.alias },
    `${flags.about ?? ''}\n`,
  );
  return { id, file: { path: join(io.contentDir, 'actors', `${id}.md`), text } };
}

export async function newActor(io: Io, flags: Flags, [name]: string[]): Promise<number> {
  if (name === undefined) throw new Stop('actor needs a name: npm run new -- actor "<Name>"');
  const { file } = await newActorFile(io, flags, name);
  return commit(io, [file], flags.about === undefined ? ['the actor in one line: the body'] : []);
}
