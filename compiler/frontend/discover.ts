// Finds the functions marked `@native` or `@kernel` (a GPU kernel) and the
// words after the tag (options).
import { Node, type FunctionDeclaration, type SourceFile } from 'ts-morph';

export const KNOWN_OPTIONS = new Set(['fastmath', 'noboundscheck', 'overflowcheck']);

export interface MarkedFunction {
  node: FunctionDeclaration;
  name: string;
  options: string[];
  /** Offset of the tag in the file, for option diagnostics. */
  tagPos: number;
  /** Marked `@kernel`: launched on a grid of threads, not called. */
  kernel: boolean;
}

export interface MisplacedMark {
  node: Node;
  tagPos: number;
}

// The tag may follow prose in the same comment; options are the words after
// it on the same line.
const TAG = /(^|[\s*])@(native|kernel)\b([^\n]*)/;

interface Tag {
  options: string[];
  pos: number;
  kernel: boolean;
}

function findTag(node: Node): Tag | undefined {
  for (const range of node.getLeadingCommentRanges()) {
    const text = range.getText();
    if (!text.startsWith('/**')) continue;
    const m = TAG.exec(text);
    if (!m) continue;
    const rest = (m[3] ?? '').replace(/\*\/.*$/, '');
    const options = rest.split(/[\s,]+/).filter((w) => w.length > 0 && w !== '*');
    return { options, pos: range.getPos() + m.index + (m[1] ?? '').length, kernel: m[2] === 'kernel' };
  }
  return undefined;
}

export function discover(sf: SourceFile): { marked: MarkedFunction[]; misplaced: MisplacedMark[] } {
  const marked: MarkedFunction[] = [];
  const misplaced: MisplacedMark[] = [];
  for (const stmt of sf.getStatements()) {
    const tag = findTag(stmt);
    if (Node.isFunctionDeclaration(stmt)) {
      if (!tag) continue;
      const name = stmt.getName();
      if (name && stmt.getBody()) marked.push({ node: stmt, name, options: tag.options, tagPos: tag.pos, kernel: tag.kernel });
      else misplaced.push({ node: stmt, tagPos: tag.pos });
    } else if (tag) {
      misplaced.push({ node: stmt, tagPos: tag.pos });
    } else if (Node.isClassDeclaration(stmt)) {
      for (const member of stmt.getMembers()) {
        const t = findTag(member);
        if (t) misplaced.push({ node: member, tagPos: t.pos });
      }
    }
  }
  return { marked, misplaced };
}
