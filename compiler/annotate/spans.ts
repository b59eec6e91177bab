// The source lines each @native function spans, from its `function` keyword
// to its closing brace (the JSDoc above stays plain): the IR records only
// where a function starts.
import { ts } from 'ts-morph';

export interface LineSpan {
  first: number;
  last: number;
}

export function functionSpans(fileName: string, text: string, names: ReadonlySet<string>): Map<string, LineSpan> {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const spans = new Map<string, LineSpan>();
  const lineOf = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name && names.has(node.name.text) && !spans.has(node.name.text)) {
      spans.set(node.name.text, { first: lineOf(node.getStart(sf)), last: lineOf(node.getEnd()) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return spans;
}
