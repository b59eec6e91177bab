// The IR as text, for `tsnative emit --ir` and golden tests. It reads like the
// TypeScript it came from, with what the IR adds made visible:
//   f64(x), i32(x), i32!(x)   conversions (! : overflow-checked)
//   (a + b)  (a +i b)  (a +i! b)   double, int64, and checked int64 steps
//   a[i]  a[i]!               checked and unchecked element access
//   toIndex, exactIndex, exactValue, within, exactOffset, clampU8, prangeBound
//                             the nodes the passes and the typer add (ir/nodes.ts)
//   name#3                    a local whose name is not unique in the function; $name: made by the compiler
//   in [lo, hi]               a local's proven range
import type { Expr, IrFunction, IrModule, LValue, Local, Stmt } from './nodes';
import type { IrType } from './types';
import { declaredLocals } from './walk';

const kind = (t: IrType): string => (t.tag === 'void' ? 'void' : t.kind);

function numberText(v: number, t: IrType): string {
  if (Object.is(v, -0)) return '-0.0';
  const s = String(v);
  return kind(t) === 'f64' && Number.isFinite(v) && !/[.e]/.test(s) ? `${s}.0` : s;
}

class Printer {
  private readonly lines: string[] = [];
  private depth = 0;
  private readonly names = new Map<Local, string>();

  constructor(fn: IrFunction) {
    const all = [...fn.params, ...declaredLocals(fn.body)];
    const base = (l: Local) => `${l.synthetic ? '$' : ''}${l.name}`;
    const count = new Map<string, number>();
    for (const l of all) count.set(base(l), (count.get(base(l)) ?? 0) + 1);
    for (const l of all) this.names.set(l, `${base(l)}${count.get(base(l))! > 1 || l.synthetic ? `#${l.id}` : ''}`);
  }

  name(l: Local): string {
    return this.names.get(l) ?? `${l.synthetic ? '$' : ''}${l.name}#${l.id}`;
  }

  line(text: string): void {
    this.lines.push('  '.repeat(this.depth) + text);
  }

  block(head: string, body: () => void, tail = '}', note = ''): void {
    this.line(`${head} {${note}`);
    this.depth++;
    body();
    this.depth--;
    this.line(tail);
  }

  text(): string {
    return this.lines.join('\n');
  }

  declaration(l: Local): string {
    const range = l.range ? ` in [${l.range[0]}, ${l.range[1]}]` : '';
    const below = l.below ? ` below ${this.name(l.below)}` : '';
    return `${this.name(l)}: ${kind(l.type)}${range}${below}`;
  }

  expr(e: Expr): string {
    const x = (c: Expr) => this.expr(c);
    switch (e.k) {
      case 'num':
        return numberText(e.value, e.type);
      case 'bool':
        return String(e.value);
      case 'local':
        return this.name(e.local);
      case 'arith':
        return `(${x(e.left)} ${e.op}${kind(e.type) === 'i53' ? 'i' : ''}${e.checked ? '!' : ''} ${x(e.right)})`;
      case 'bit':
      case 'compare':
      case 'logical':
        return `(${x(e.left)} ${e.op} ${x(e.right)})`;
      case 'seq':
        return `(${x(e.left)}, ${x(e.right)})`;
      case 'bitnot':
        return `~${x(e.operand)}`;
      case 'neg':
        return `-${x(e.operand)}`;
      case 'not':
        return `!${x(e.operand)}`;
      case 'truthy':
        return `truthy(${x(e.operand)})`;
      case 'cond':
        return `(${x(e.test)} ? ${x(e.then)} : ${x(e.else)})`;
      case 'convert':
        return `${e.to}${e.overflowCheck ? '!' : ''}(${x(e.operand)})`;
      case 'element':
        return this.element(e);
      case 'length':
        return `${x(e.array)}.length`;
      case 'newArray':
        return `new ${e.arrayKind}(${x(e.length)})`;
      case 'fill':
        return `${x(e.array)}.fill(${x(e.value)}, ${x(e.start)}, ${x(e.end)})`;
      case 'subarray':
        return `${x(e.array)}.subarray(${x(e.start)}, ${x(e.end)})`;
      case 'setArray':
        return `${x(e.target)}.set(${x(e.source)}, ${x(e.offset)}, (${this.name(e.element)}) => ${x(e.convert)})`;
      case 'call':
        return `${e.callee}(${e.args.map(x).join(', ')})`;
      case 'builtin':
        return `${e.name.startsWith('Number.') ? '' : 'Math.'}${e.name}(${e.args.map(x).join(', ')})`;
      case 'assign':
        return `${this.lvalue(e.target)} = ${x(e.value)}`;
      case 'update':
        return e.prefix ? `${e.op}${this.lvalue(e.target)}` : `${this.lvalue(e.target)}${e.op}`;
      case 'toIndex':
        return `toIndex(${x(e.operand)})`;
      case 'exactIndex':
        return `exactIndex(${x(e.exact)}, ${x(e.fallback)}${e.guard ? `, guard ${x(e.guard)}` : ''})`;
      case 'exactValue':
        return `exactValue(${x(e.guard)}, ${x(e.exact)} * ${e.scale}, ${x(e.fallback)}${e.nonZero ? ', nonzero' : ''})`;
      case 'within':
        return `within(${x(e.operand)}, ${e.bound})`;
      case 'exactOffset':
        return `exactOffset(${x(e.exact)})`;
      case 'storeClamp':
        return `clampU8(${x(e.operand)})`;
      case 'prangeBound':
        return `prangeBound(${x(e.operand)})`;
      case 'thread':
        return `cuda.${e.name}.${'xyz'[e.axis]}`;
      case 'atomic':
        return `cuda.atomic.${e.op}(${[e.array, e.index, ...(e.compare ? [e.compare] : []), e.value].map(x).join(', ')})${e.checked ? '' : '!'}`;
      case 'sharedArray':
        return `cuda.shared.array(${e.arrayKind}, ${e.length})`;
    }
  }

  element(e: { array: Expr; index: Expr; checked: boolean }): string {
    return `${this.expr(e.array)}[${this.expr(e.index)}]${e.checked ? '' : '!'}`;
  }

  lvalue(t: LValue): string {
    return t.k === 'local' ? this.name(t.local) : this.element(t);
  }

  /** A statement as it fits on one line (a for loop's init and update). */
  inline(s: Stmt): string {
    if (s.k === 'let') return `${s.local.constant ? 'const' : 'let'} ${this.declaration(s.local)} = ${this.expr(s.init)}`;
    if (s.k === 'expr') return this.expr(s.expr);
    return `<${s.k}>`;
  }

  stmts(list: readonly Stmt[]): void {
    for (const s of list) this.stmt(s);
  }

  stmt(s: Stmt): void {
    const label = 'label' in s && s.label && s.k !== 'break' && s.k !== 'continue' ? `${s.label}: ` : '';
    switch (s.k) {
      case 'let':
      case 'expr':
        this.line(this.inline(s));
        return;
      case 'return':
        this.line(s.value ? `return ${this.expr(s.value)}` : 'return');
        return;
      case 'break':
        this.line(s.label ? `break ${s.label}` : 'break');
        return;
      case 'continue':
        this.line(`${s.nextIteration ? 'next' : 'continue'}${s.label ? ` ${s.label}` : ''}`);
        return;
      case 'throw':
        this.line(`throw ${s.error}(${JSON.stringify(s.message)})`);
        return;
      case 'barrier':
        this.line(`cuda.syncthreads()  // barrier ${s.site}`);
        return;
      case 'block':
        this.block('', () => this.stmts(s.body));
        return;
      case 'if': {
        const note = s.versioned ? '  // versioned: optimised copy' : '';
        this.line(`if (${this.expr(s.test)}) {${note}`);
        this.indented(s.then);
        if (s.else) {
          this.line(`} else {${s.versioned ? '  // versioned: as before' : ''}`);
          this.indented(s.else);
        }
        this.line('}');
        return;
      }
      case 'while':
        this.block(`${label}while (${this.expr(s.test)})`, () => this.stmts(s.body));
        return;
      case 'do':
        this.block(`${label}do`, () => this.stmts(s.body), `} while (${this.expr(s.test)})`);
        return;
      case 'for': {
        const head = `(${s.init.map((i) => this.inline(i)).join(', ')}; ${s.test ? this.expr(s.test) : ''}; ${s.update.map((u) => this.expr(u)).join(', ')})`;
        const lanes = s.lanes ? ` lanes(${s.lanes.width}, split ${s.lanes.split})` : '';
        this.block(`${label}for${lanes} ${head}`, () => this.stmts(s.body));
        return;
      }
      case 'switch':
        this.block(`switch (${this.declaration(s.value)} = ${this.expr(s.discriminant)})`, () => {
          for (const c of s.cases) this.block(c.match ? `case ${this.expr(c.match)}:` : 'default:', () => this.stmts(c.body));
        });
        return;
      case 'prange': {
        const reduce = s.reductions.length > 0 ? ` reduce(${s.reductions.map((r) => `${this.name(r.local)} ${r.op}`).join(', ')})` : '';
        this.block(
          `${label}prange (${this.declaration(s.index)} of ${this.expr(s.start)}, ${this.expr(s.end)}, ${this.expr(s.step)})${reduce}`,
          () => this.stmts(s.body),
        );
        return;
      }
    }
  }

  indented(list: readonly Stmt[]): void {
    this.depth++;
    this.stmts(list);
    this.depth--;
  }
}

export function printFunction(fn: IrFunction): string {
  const p = new Printer(fn);
  const params = fn.params.map((l) => `${p.name(l)}: ${kind(l.type)}`).join(', ');
  const options = fn.options.size > 0 ? `  [${[...fn.options].sort().join(' ')}]` : '';
  p.block(
    `${fn.kernel ? 'kernel ' : ''}function ${fn.name}(${params}): ${kind(fn.returns)}${options}`,
    () => p.stmts(fn.body),
    '}',
    `  // ${fn.module}:${fn.loc.line}`,
  );
  return p.text();
}

export function printModule(ir: IrModule): string {
  return [...ir.externals.filter((f) => f.module !== ir.source), ...ir.functions].map(printFunction).join('\n\n') + '\n';
}
