// The IR verifier: the invariants every stage may rely on, checked after the
// typer and after each pass. A failure is a compiler bug (the function is
// reported as an internal error and left to run as JS), never a user mistake.
import type { Expr, IrFunction, Local, Stmt } from './nodes';
import { ARRAYS, isInteger, sameType, typeName, type IrType } from './types';
import { children, childLists, declaredBy, ownExprs } from './walk';

export class IrVerifyError extends Error {
  constructor(
    readonly fn: string,
    readonly stage: string,
    readonly problem: string,
    readonly line: number,
  ) {
    super(`IR verifier: after ${stage}, ${fn}: ${problem} (line ${line})`);
    this.name = 'IrVerifyError';
  }
}

interface Jump {
  kind: 'loop' | 'switch' | 'prange';
  label?: string;
}

const kindOf = (t: IrType): string => (t.tag === 'void' ? 'void' : t.kind);
const is = (t: IrType, kind: string): boolean => kindOf(t) === kind;

export function verifyFunction(fn: IrFunction, stage: string): void {
  const byId = new Map<number, Local>();
  const labels = new Set<string>();
  const fail = (problem: string, line: number): never => {
    throw new IrVerifyError(fn.name, stage, problem, line);
  };
  const known = (l: Local, line: number): void => {
    const other = byId.get(l.id);
    if (other && other !== l) fail(`two locals share the id ${l.id} (${other.name}, ${l.name})`, line);
    byId.set(l.id, l);
  };

  const expr = (e: Expr, scope: ReadonlySet<Local>, exact: boolean): void => {
    const line = e.loc.line;
    const want = (cond: boolean, what: string) => {
      if (!cond) fail(`${e.k}: ${what}`, line);
    };
    const use = (l: Local) => {
      known(l, line);
      if (!scope.has(l)) fail(`${l.name} (#${l.id}) is used outside its declaration's scope`, line);
    };
    switch (e.k) {
      case 'local':
        use(e.local);
        want(sameType(e.type, e.local.type), `typed ${typeName(e.type)}, declared ${typeName(e.local.type)}`);
        break;
      case 'arith':
        want(is(e.type, 'f64') || is(e.type, 'i53'), `in ${kindOf(e.type)}`);
        want(sameType(e.left.type, e.type) && sameType(e.right.type, e.type), 'operands of another type');
        want(!e.checked || (exact && is(e.type, 'i53')), 'a checked step outside an exact index or offset');
        break;
      case 'compare':
        want(sameType(e.left.type, e.right.type), `compares ${typeName(e.left.type)} with ${typeName(e.right.type)}`);
        break;
      case 'logical':
      case 'cond':
        for (const c of e.k === 'cond' ? [e.then, e.else] : [e.left, e.right]) want(sameType(c.type, e.type), 'a branch of another type');
        break;
      case 'element':
        want(is(e.index.type, 'i53'), 'an index that is not i53');
        want(sameType(e.array.type, { tag: 'array', kind: e.arrayKind }), 'an array of another kind');
        break;
      case 'assign':
        if (e.target.k === 'local') use(e.target.local);
        else want(is(e.target.index.type, 'i53'), 'an index that is not i53');
        want(sameType(e.value.type, e.target.type), `stores ${typeName(e.value.type)} into ${typeName(e.target.type)}`);
        break;
      case 'update':
        if (e.target.k === 'local') use(e.target.local);
        break;
      case 'toIndex':
      case 'storeClamp':
      case 'prangeBound':
        want(is(e.operand.type, 'f64'), 'an operand that is not f64');
        break;
      case 'within':
        want(isInteger(e.operand.type), 'an operand that is not an integer');
        break;
      case 'exactIndex':
      case 'exactValue':
        want(is(e.exact.type, 'i53') && is(e.fallback.type, 'f64'), 'an exact part that is not i53 or a fallback that is not f64');
        break;
      case 'setArray': {
        known(e.element, line);
        const inner = new Set(scope).add(e.element);
        for (const c of [e.target, e.source, e.offset]) expr(c, scope, false);
        expr(e.convert, inner, false);
        want(
          sameType(e.convert.type, { tag: 'scalar', kind: ARRAYS[(e.target.type as { kind: keyof typeof ARRAYS }).kind].element }),
          'converts to another element type',
        );
        return;
      }
      default:
        break;
    }
    const exactParts = e.k === 'exactIndex' || e.k === 'exactOffset' ? new Set<Expr>([e.exact]) : undefined;
    for (const c of children(e)) {
      // Checked steps belong to the exact part, through + - * and negation only.
      const inExact = exactParts ? exactParts.has(c) : exact && (e.k === 'arith' || e.k === 'neg');
      expr(c, scope, inExact);
    }
  };

  const list = (stmts: readonly Stmt[], outer: ReadonlySet<Local>, jumps: readonly Jump[]): void => {
    const scope = new Set(outer);
    for (const s of stmts) stmt(s, scope, jumps);
  };

  const declare = (l: Local, scope: Set<Local>, line: number): void => {
    known(l, line);
    if (scope.has(l)) fail(`${l.name} (#${l.id}) is declared twice in one scope`, line);
    scope.add(l);
  };

  const stmt = (s: Stmt, scope: Set<Local>, jumps: readonly Jump[]): void => {
    const line = s.loc.line;
    const loopLabel = (label: string | undefined) => {
      if (label === undefined) return;
      if (labels.has(label)) fail(`the label ${label} is used twice`, line);
      labels.add(label);
    };
    if (s.k === 'for') {
      loopLabel(s.label);
      const inner = new Set(scope);
      for (const i of s.init) stmt(i, inner, jumps);
      for (const e of ownExprs(s)) expr(e, inner, false);
      if (s.lanes) {
        const lets = new Set(s.body.slice(0, s.lanes.split).flatMap(declaredBy));
        if (!s.lanes.locals.every((l) => lets.has(l)) || s.body[s.lanes.split]?.k !== 'while')
          fail('lanes that do not match the loop body', line);
      }
      list(s.body, inner, [...jumps, { kind: 'loop', label: s.label }]);
      return;
    }
    const declared = declaredBy(s);
    const inner = s.k === 'let' ? scope : new Set(scope);
    if (s.k !== 'let') for (const l of declared) declare(l, inner, line);
    // A switch's cases compare with its value; a prange's bounds come before its index.
    if (s.k === 'switch') {
      expr(s.discriminant, scope, false);
      for (const c of s.cases) if (c.match) expr(c.match, inner, false);
    } else for (const e of ownExprs(s)) expr(e, scope, false);
    switch (s.k) {
      case 'let':
        if (!sameType(s.init.type, s.local.type))
          fail(`${s.local.name} is ${typeName(s.local.type)} but starts as ${typeName(s.init.type)}`, line);
        declare(s.local, scope, line);
        return;
      case 'while':
      case 'do':
      case 'prange':
        loopLabel(s.label);
        list(s.body, inner, [...jumps, { kind: s.k === 'prange' ? 'prange' : 'loop', label: s.label }]);
        return;
      case 'switch':
        for (const c of s.cases) list(c.body, inner, [...jumps, { kind: 'switch' }]);
        return;
      case 'break':
      case 'continue':
        jumpTarget(s, jumps, fail);
        return;
      default:
        for (const l of childLists(s)) list(l, inner, jumps);
    }
  };

  const params = new Set<Local>();
  for (const p of fn.params) {
    known(p, fn.loc.line);
    params.add(p);
  }
  list(fn.body, params, []);
}

function jumpTarget(s: Stmt & { k: 'break' | 'continue' }, jumps: readonly Jump[], fail: (p: string, line: number) => never): void {
  const line = s.loc.line;
  const matches = (j: Jump) => (s.label !== undefined ? j.label === s.label : s.k === 'break' || j.kind !== 'switch');
  const index = jumps.map(matches).lastIndexOf(true);
  if (index < 0) fail(`${s.k}${s.label ? ` ${s.label}` : ''} has no enclosing target`, line);
  const target = jumps[index]!;
  if (s.k === 'continue' && (target.kind === 'prange') !== (s.nextIteration === true))
    fail('continue of a prange loop not marked nextIteration (or the reverse)', line);
  if (jumps.slice(index + 1).some((j) => j.kind === 'prange')) fail(`${s.k} crosses a prange loop`, line);
}
