// IR statements → C++ statements, each under a mark naming its source line.
import type { Stmt } from '../../ir/nodes';
import { breakLabel, continueLabel, localName } from '../names';
import type { CodeWriter } from '../writer';
import { expr } from './expressions';
import { emitLanes } from './lanes';
import { emitPrange } from './prange';
import { dialect, kernelDialect } from './dialect';
import { cppType, elementType, stringLiteral } from './types';
import { helper } from './work';

/** Labels that some `break`/`continue` jumps to; only those get a C++ label. */
export interface LabelUse {
  breaks: Set<string>;
  continues: Set<string>;
}

export function collectLabels(stmts: Stmt[], use: LabelUse = { breaks: new Set(), continues: new Set() }): LabelUse {
  for (const s of stmts) {
    switch (s.k) {
      case 'break':
        if (s.label) use.breaks.add(s.label);
        break;
      case 'continue':
        if (s.label) use.continues.add(s.label);
        break;
      case 'if':
        collectLabels(s.then, use);
        if (s.else) collectLabels(s.else, use);
        break;
      case 'for':
      case 'while':
      case 'do':
      case 'block':
      case 'prange':
        collectLabels(s.body, use);
        break;
      case 'switch':
        for (const c of s.cases) collectLabels(c.body, use);
        break;
      default:
        break;
    }
  }
  return use;
}

export function statements(w: CodeWriter, stmts: Stmt[], labels: LabelUse): void {
  for (const s of stmts) statement(w, s, labels);
}

function loopBody(w: CodeWriter, body: Stmt[], labels: LabelUse, label?: string): void {
  // The extra block lets `goto tsn_continue_L` skip the body's declarations.
  if (label && labels.continues.has(label)) {
    w.block('', () => statements(w, body, labels));
    w.line(`${continueLabel(label)}:;`);
  } else statements(w, body, labels);
}

function afterLoop(w: CodeWriter, labels: LabelUse, label?: string): void {
  if (label && labels.breaks.has(label)) w.line(`${breakLabel(label)}:;`);
}

function statement(w: CodeWriter, s: Stmt, labels: LabelUse): void {
  w.mark(s.loc.line);
  switch (s.k) {
    case 'let':
      if (s.init.k === 'sharedArray') {
        const d = kernelDialect('cuda.shared.array');
        for (const line of d.sharedLet(s.local, elementType(s.init.arrayKind), s.init.slot, s.init.length)) w.line(line);
        return;
      }
      w.line(`${cppType(s.local.type)} ${localName(s.local)} = ${expr(s.init)};`);
      return;
    case 'expr':
      w.line(`${stripParens(expr(s.expr))};`);
      return;
    case 'if': {
      w.block(`if (${stripParens(expr(s.test))})`, () => statements(w, s.then, labels));
      const elseBody = s.else;
      if (!elseBody) return;
      const otherwise = () => w.block('else', () => statements(w, elseBody, labels));
      // A versioned loop's original: the code a run takes only when the test fails.
      if (s.versioned) w.region('fallback', undefined, otherwise);
      else otherwise();
      return;
    }
    case 'while':
      w.block(`while (${stripParens(expr(s.test))})`, () => loopBody(w, s.body, labels, s.label));
      afterLoop(w, labels, s.label);
      return;
    case 'do':
      w.block('do', () => loopBody(w, s.body, labels, s.label), ` while (${stripParens(expr(s.test))});`);
      afterLoop(w, labels, s.label);
      return;
    case 'for':
      forLoop(w, s, labels);
      afterLoop(w, labels, s.label);
      return;
    case 'break':
      w.line(s.label ? `goto ${breakLabel(s.label)};` : 'break;');
      return;
    case 'continue':
      // The body of a prange loop is a lambda: its next iteration is a return.
      w.line(s.nextIteration ? 'return;' : s.label ? `goto ${continueLabel(s.label)};` : 'continue;');
      return;
    case 'prange':
      emitPrange(w, s, () => statements(w, s.body, labels));
      return;
    case 'return':
      w.line(s.value ? `return ${stripParens(expr(s.value))};` : (dialect()?.returnVoid ?? 'return;'));
      return;
    case 'block':
      w.block('', () => statements(w, s.body, labels));
      return;
    case 'switch':
      switchStatement(w, s, labels);
      return;
    case 'throw':
      w.line(`${helper('throw_error', 'throw')}(tsn::ErrorKind::${s.error}, ${stringLiteral(s.message)});`);
      return;
    case 'barrier':
      w.line(kernelDialect('cuda.syncthreads()').barrier(s.site, s.loc.line));
      return;
  }
}

function forLoop(w: CodeWriter, s: Stmt & { k: 'for' }, labels: LabelUse): void {
  const test = s.test ? stripParens(expr(s.test)) : '';
  const update = s.update.map((u) => stripParens(expr(u))).join(', ');
  if (s.lanes) {
    const lanes = s.lanes;
    // The iterations left over after the last full set of lanes, one at a time.
    const rest = () => w.block(`for (; ${test}; ${update})`, () => loopBody(w, s.body, labels, s.label));
    emitLanes(w, { ...s, lanes }, (stmts) => statements(w, stmts, labels), rest);
    return;
  }
  const [first, ...rest] = s.init;
  // One declaration fits in the for-init; anything else goes in a block before it.
  if (first && first.k === 'let' && rest.length === 0) {
    const init = `${cppType(first.local.type)} ${localName(first.local)} = ${stripParens(expr(first.init))}`;
    w.block(`for (${init}; ${test}; ${update})`, () => loopBody(w, s.body, labels, s.label));
    return;
  }
  w.block('', () => {
    statements(w, s.init, labels);
    w.mark(s.loc.line);
    w.block(`for (; ${test}; ${update})`, () => loopBody(w, s.body, labels, s.label));
  });
}

/**
 * The first matching case is found with `===` in source order; a C++ switch on
 * its position then gives JS's entry point and fall-through. Each case body is
 * a block, so a jump to a case never crosses a declaration.
 */
function switchStatement(w: CodeWriter, s: Stmt & { k: 'switch' }, labels: LabelUse): void {
  w.block('', () => {
    const value = localName(s.value);
    const which = `${value}_case`;
    const fallback = s.cases.findIndex((c) => !c.match);
    w.line(`const ${cppType(s.value.type)} ${value} = ${stripParens(expr(s.discriminant))};`);
    w.line(`int ${which} = ${fallback};`);
    const tests = s.cases.flatMap((c, i) => (c.match ? [`if (${stripParens(expr(c.match))}) ${which} = ${i};`] : []));
    tests.forEach((t, i) => w.line(i === 0 ? t : `else ${t}`));
    w.block(`switch (${which})`, () => {
      s.cases.forEach((c, i) => {
        w.line(`case ${i}:`);
        w.block('', () => statements(w, c.body, labels));
      });
      w.line('default: break;');
    });
  });
}

/** Drops one pair of outer parentheses where the context already delimits. */
export function stripParens(text: string): string {
  if (!text.startsWith('(') || !text.endsWith(')')) return text;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    if (depth === 0 && i < text.length - 1) return text;
  }
  return text.slice(1, -1);
}
