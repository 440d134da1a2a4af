import { Document, isScalar, visit } from 'yaml';

/**
 * Entity files as the authoring commands write them: YAML frontmatter, then the body. Fields keep the
 * order given; lists of short values are written inline (`actors: [taliban, united-nations]`) and long
 * texts as folded blocks, as the hand-written files are, so a new file reads like its neighbours.
 */

/** A line longer than this is folded onto the next. */
const WIDTH = 100;

/** The file text for `fields` (undefined ones left out) and `body`, which is written exactly as given. */
export function entityFile(fields: Record<string, unknown>, body: string): string {
  const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const doc = new Document(present);
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item) && String(item.value).length < 40)) node.flow = true;
    },
    Scalar(_, node) {
      if (typeof node.value === 'string' && node.value.length > WIDTH - 20) node.type = 'BLOCK_FOLDED';
    },
  });
  const yaml =
    Object.keys(present).length === 0 ? '' : doc.toString({ lineWidth: WIDTH, flowCollectionPadding: false });
  return `---\n${yaml}---\n${body}`;
}
