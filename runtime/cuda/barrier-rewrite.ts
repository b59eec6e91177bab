// Turns a kernel into a generator function that pauses at each barrier: every
// call `<anything>.syncthreads()` made directly in the kernel's body (tsc
// spells it `tsnative_1.cuda.syncthreads()`, ESM `cuda.syncthreads()`)
// becomes `(yield <site>)`, so the lock-step runner can hold each thread
// there until the whole block arrives. Calls in nested functions cannot
// yield and stay as they are: cuda.syncthreads() itself then throws saying so.
import type { ts as tsTypes } from 'ts-morph';
import { typescript, type Ts } from './typescript';

type Node = tsTypes.Node;
type CallExpression = tsTypes.CallExpression;
type KernelNode = tsTypes.FunctionExpression | tsTypes.ArrowFunction | tsTypes.MethodDeclaration;

export interface BarrierProgram {
  /**
   * An expression for a generator function with the kernel's parameters and
   * name; it yields the site index at each barrier. The name is given as an
   * object key, not a binding, so the kernel's name inside it still means the
   * kernel, as in the original.
   */
  generator: string;
  /** Offset in the kernel's source text of each barrier call, by site index. */
  siteOffsets: number[];
  /** Offset of the parameter list, where V8's function location points. */
  anchorOffset: number;
  /** Every identifier the kernel names: its free variables are among them. */
  identifiers: Set<string>;
  /** Names the kernel assigns to without declaring them: writes to variables outside it, if they are. */
  assigned: Set<string>;
}

function isBarrierCall(ts: Ts, call: CallExpression): boolean {
  const callee = call.expression;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text === 'syncthreads';
  return (
    ts.isElementAccessExpression(callee) &&
    ts.isStringLiteralLike(callee.argumentExpression) &&
    callee.argumentExpression.text === 'syncthreads'
  );
}

/** Whether `node` runs in the frame of `fn` itself, not of a function or class nested in it. */
function directlyIn(ts: Ts, node: Node, fn: Node): boolean {
  for (let p = node.parent; p !== undefined; p = p.parent) {
    if (p === fn) return true;
    if (ts.isFunctionLike(p) || ts.isClassLike(p) || ts.isClassStaticBlockDeclaration(p)) return false;
  }
  return false;
}

/** The barrier calls made directly in `fn`'s body, in source order, outermost only. */
export function barrierCalls(ts: Ts, fn: KernelNode | Node): CallExpression[] {
  const calls: CallExpression[] = [];
  const body = (fn as KernelNode).body;
  if (!body) return calls;
  const visit = (node: Node): void => {
    if (ts.isCallExpression(node) && isBarrierCall(ts, node) && directlyIn(ts, node, fn)) {
      calls.push(node);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return calls;
}

/** Parses a function's source text (a declaration, expression, arrow or method) into its node. */
function parseKernel(ts: Ts, text: string): { node: KernelNode; prefix: number; file: Node } | undefined {
  for (const [open, close] of [
    ['(', ')'],
    ['({', '})'],
  ]) {
    const file = ts.createSourceFile('kernel.js', open + text + close, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    const stmt = file.statements[0];
    if (file.statements.length !== 1 || !stmt || !ts.isExpressionStatement(stmt)) continue;
    let expr = stmt.expression;
    while (ts.isParenthesizedExpression(expr)) expr = expr.expression;
    let node: KernelNode | undefined;
    if (ts.isFunctionExpression(expr) || ts.isArrowFunction(expr)) node = expr;
    else if (ts.isObjectLiteralExpression(expr) && expr.properties.length === 1 && ts.isMethodDeclaration(expr.properties[0])) {
      node = expr.properties[0];
    }
    if (node && node.getStart() === open.length && node.end === open.length + text.length) return { node, prefix: open.length, file };
  }
  return undefined;
}

function identifiersOf(ts: Ts, root: Node): Set<string> {
  const names = new Set<string>();
  const visit = (node: Node): void => {
    if (ts.isIdentifier(node) && !(node.parent && ts.isPropertyAccessExpression(node.parent) && node.parent.name === node))
      names.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return names;
}

/** Names bound by a declaration's name: an identifier or a destructuring pattern. */
function boundNames(ts: Ts, name: tsTypes.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) into.add(name.text);
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) boundNames(ts, el.name, into);
}

/** Names an assignment target writes: an identifier, or those of a destructuring assignment. */
function targetNames(ts: Ts, target: tsTypes.Expression, into: Set<string>): void {
  if (ts.isIdentifier(target)) into.add(target.text);
  else if (ts.isParenthesizedExpression(target)) targetNames(ts, target.expression, into);
  else if (ts.isBinaryExpression(target) && target.operatorToken.kind === ts.SyntaxKind.EqualsToken) targetNames(ts, target.left, into);
  else if (ts.isSpreadElement(target)) targetNames(ts, target.expression, into);
  else if (ts.isArrayLiteralExpression(target)) for (const el of target.elements) targetNames(ts, el, into);
  else if (ts.isObjectLiteralExpression(target)) {
    for (const p of target.properties) {
      if (ts.isShorthandPropertyAssignment(p)) into.add(p.name.text);
      else if (ts.isPropertyAssignment(p)) targetNames(ts, p.initializer, into);
      else if (ts.isSpreadAssignment(p)) targetNames(ts, p.expression, into);
    }
  }
}

/**
 * Names the kernel assigns to but declares nowhere in itself. Its generator
 * gets copies of the outer variables, so such a write would be lost: the
 * runner refuses it rather than let the result differ from the JS.
 */
function undeclaredWrites(ts: Ts, root: Node): Set<string> {
  const declared = new Set<string>();
  const written = new Set<string>();
  const visit = (node: Node): void => {
    if (ts.isVariableDeclaration(node) || ts.isParameter(node)) boundNames(ts, node.name, declared);
    else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isFunctionExpression(node)) && node.name)
      declared.add(node.name.text);
    else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
    ) {
      targetNames(ts, node.left, written);
    } else if (
      (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
      (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
    ) {
      targetNames(ts, node.operand, written);
    } else if ((ts.isForOfStatement(node) || ts.isForInStatement(node)) && !ts.isVariableDeclarationList(node.initializer)) {
      targetNames(ts, node.initializer, written);
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  for (const name of declared) written.delete(name);
  return written;
}

/**
 * The generator form of a kernel, or undefined when its body makes no
 * barrier call (it then runs as it is, thread after thread). Throws when the
 * kernel's source cannot be rewritten (an async or generator function).
 */
export function rewriteBarriers(kernelName: string, text: string): BarrierProgram | undefined {
  // Most kernels have no barrier: skip the parser for them.
  if (!text.includes('syncthreads')) return undefined;
  const ts = typescript();
  const parsed = parseKernel(ts, text);
  if (!parsed) throw new Error(`${kernelName}: the JS simulator cannot read this kernel's source to run its cuda.syncthreads() calls`);
  const { node, prefix } = parsed;
  const calls = barrierCalls(ts, node);
  if (calls.length === 0) return undefined;
  if (('asteriskToken' in node && node.asteriskToken) || node.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) {
    throw new Error(`${kernelName}: a kernel cannot be an async or generator function`);
  }
  const full = parsed.file.getFullText();
  const body = node.body;
  if (!body) return undefined;
  const bodyStart = body.getStart();
  let out = '';
  let at = bodyStart;
  calls.forEach((call, site) => {
    out += full.slice(at, call.getStart()) + `(yield ${site})`;
    at = call.end;
  });
  out += full.slice(at, body.end);
  const bodyText = ts.isBlock(body) ? out : `{ return (${out}); }`;
  const name = JSON.stringify(node.name && ts.isIdentifier(node.name) ? node.name.text : kernelName);
  const params = full.slice(node.parameters.pos, node.parameters.end);
  const anchor = full[node.parameters.pos - 1] === '(' ? node.parameters.pos - 1 : (node.parameters[0]?.getStart() ?? node.parameters.pos);
  return {
    generator: `({ ${name}: function* (${params}) ${bodyText} })[${name}]`,
    siteOffsets: calls.map((c) => c.getStart() - prefix),
    anchorOffset: anchor - prefix,
    identifiers: identifiersOf(ts, node),
    assigned: undeclaredWrites(ts, node),
  };
}

/**
 * 1-based lines, in the TypeScript source `file`, of the barrier calls of the
 * function declaration `name`, when it has exactly `count` of them (so they
 * are the calls the generator's sites stand for); otherwise undefined.
 */
export function sourceBarrierLines(file: string, text: string, name: string, count: number): number[] | undefined {
  const ts = typescript();
  const kind = /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  let lines: number[] | undefined;
  const visit = (node: Node): void => {
    if (lines) return;
    if (ts.isFunctionDeclaration(node) && node.name?.text === name && node.body) {
      const calls = barrierCalls(ts, node);
      if (calls.length === count) lines = calls.map((c) => sf.getLineAndCharacterOfPosition(c.getStart()).line + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return lines;
}
