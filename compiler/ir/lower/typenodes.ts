// Reads a type annotation node into an IR type. The aliases are read from the
// annotation, since TypeScript's checker erases them to `number`; a name counts
// only where it resolves to tsnative's export or to the global typed array.
import { SyntaxKind, ts, type TypeNode } from 'ts-morph';
import { isGlobalType, packageExport } from '../../frontend/aliases';
import { ALIASES, VOID, array, isAliasName, isArrayKind, scalar, type IrType } from '../types';
import type { FnContext } from './context';

export function readType(node: TypeNode | undefined): IrType | undefined {
  if (!node) return undefined;
  if (node.getKind() === SyntaxKind.NumberKeyword) return scalar('f64');
  if (node.getKind() === SyntaxKind.BooleanKeyword) return scalar('bool');
  if (node.getKind() === SyntaxKind.VoidKeyword) return VOID;
  const named = readName(node.compilerNode);
  return named && 'type' in named ? named.type : undefined;
}

/** Abandons the function over an annotation readType refused: a look-alike of a supported name says what it is instead. */
export function rejectType(ctx: FnContext, node: TypeNode, code: 'TSN1102' | 'TSN1103'): never {
  const named = readName(node.compilerNode);
  if (named && 'meant' in named) return ctx.fail(node, 'TSN1107', [node.getText(), named.meant, named.fix]);
  return ctx.fail(node, code, [node.getText()]);
}

/** A supported type, or a name that only looks like one (the user's own `f64`, an `f64` never imported). */
type Named = { type: IrType } | { meant: string; fix: string };

function readName(node: ts.TypeNode): Named | undefined {
  const args = ts.isTypeReferenceNode(node) || ts.isImportTypeNode(node) ? (node.typeArguments?.length ?? 0) : -1;
  const exported = packageExport(node);
  if (exported !== undefined && args === 0 && isAliasName(exported)) return { type: scalar(ALIASES[exported]) };
  const name = writtenName(node);
  if (name === undefined) return undefined;
  if (isAliasName(name) && args === 0) {
    return {
      meant: `tsnative's \`${name}\``,
      fix: `compiled code takes \`${name}\` only from tsnative: write \`import type { ${name} } from 'tsnative'\` and give a type of your own another name`,
    };
  }
  // `Float64Array<ArrayBufferLike>` (TS 5.7+ lib spelling) is the same view.
  if (isArrayKind(name) && args <= 1) {
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && isGlobalType(node, name)) return { type: array(name) };
    return { meant: `the built-in \`${name}\``, fix: `rename your own \`${name}\`: compiled code takes the built-in typed arrays` };
  }
  return undefined;
}

/** The last name of a type reference (`f64`, `t.f64`, `import('m').f64`). */
function writtenName(node: ts.TypeNode): string | undefined {
  const entity = ts.isTypeReferenceNode(node) ? node.typeName : ts.isImportTypeNode(node) ? node.qualifier : undefined;
  if (!entity) return undefined;
  return ts.isIdentifier(entity) ? entity.text : entity.right.text;
}
