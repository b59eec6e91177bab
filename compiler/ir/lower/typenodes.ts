// Reads a type annotation node into an IR type. The aliases are read by name
// from the annotation, since TypeScript's checker erases them to `number`.
import { Node, SyntaxKind, type TypeNode } from 'ts-morph';
import { ARRAYS, SCALAR_NAMES, VOID, array, isArrayKind, scalar, type IrType } from '../types';

export function readType(node: TypeNode | undefined): IrType | undefined {
  if (!node) return undefined;
  if (node.getKind() === SyntaxKind.NumberKeyword) return scalar('f64');
  if (node.getKind() === SyntaxKind.BooleanKeyword) return scalar('bool');
  if (node.getKind() === SyntaxKind.VoidKeyword) return VOID;
  if (Node.isTypeReference(node) && node.getTypeArguments().length === 0) {
    const name = node.getTypeName().getText();
    const kind = SCALAR_NAMES[name];
    if (kind) return scalar(kind);
    if (isArrayKind(name) && ARRAYS[name]) return array(name);
  }
  // `Float64Array<ArrayBufferLike>` (TS 5.7+ lib spelling) is the same view.
  if (Node.isTypeReference(node) && node.getTypeArguments().length === 1) {
    const name = node.getTypeName().getText();
    if (isArrayKind(name)) return array(name);
  }
  return undefined;
}
