// A prange loop in C++. The body becomes a lambda taking the loop value and
// the reduction variables by reference; it runs either serially on the real
// variables (few iterations, one thread, or nested: bit-identical to JS), or
// under OpenMP with a static schedule, each thread on its own partials, which
// are then combined in thread order (deterministic for a thread count).
import type { Local, Reduction, Stmt } from '../../ir/nodes';
import { declaredLocals, expressions, someStmt } from '../../ir/walk';
import { localName } from '../names';
import type { CodeWriter } from '../writer';
import { expr } from './expressions';
import { parallelThreshold } from './costs';
import { C_TYPE, cppType } from './types';
import { helper, work } from './work';

/**
 * Outer locals the body only reads (arrays and scalars; the reductions are
 * passed by reference): passed by value, so the body has its own copies,
 * which a store through a typed array cannot change. Their values then stay
 * in registers and the loops over them can be vectorised.
 */
function sharedReads(s: Stmt & { k: 'prange' }): Local[] {
  const declared = declaredLocals(s.body);
  const reduced = new Set(s.reductions.map((r) => r.local));
  const out = new Set<Local>();
  for (const e of expressions(s.body)) {
    if (e.k === 'local' && !declared.has(e.local) && !reduced.has(e.local) && e.local !== s.index) out.add(e.local);
  }
  return [...out];
}

/**
 * Whether any iteration can throw: a checked index, a throw, a call, an
 * overflow-checked store, a nested loop's bounds, an allocation. Bodies that
 * cannot skip the per-iteration error bookkeeping (and can be vectorised).
 */
function mayThrow(body: Stmt[]): boolean {
  for (const e of expressions(body)) {
    if (e.k === 'element' && e.checked) return true;
    if ((e.k === 'assign' || e.k === 'update') && e.target.k === 'element' && e.target.checked) return true;
    if (e.k === 'call' || e.k === 'newArray' || e.k === 'subarray' || e.k === 'setArray') return true;
    if (e.k === 'convert' && e.overflowCheck) return true;
    if (e.k === 'prangeBound') return true;
  }
  return someStmt(body, (s) => s.k === 'throw' || s.k === 'prange');
}

export function emitPrange(w: CodeWriter, s: Stmt & { k: 'prange' }, body: () => void): void {
  const red = s.reductions;
  const views = sharedReads(s);
  const params = [
    `const int64_t ${localName(s.index)}`,
    ...red.map((r) => `${cppType(r.local.type)}& ${localName(r.local)}`),
    ...views.map((v) => `${cppType(v.type)} ${localName(v)}`),
  ];
  const own = (r: Reduction) => `tsn_own_${localName(r.local)}`;
  const parts = (r: Reduction) => `tsn_parts_${localName(r.local)}`;
  w.block('', () => {
    w.line(`const int64_t tsn_lo = ${expr(s.start)}, tsn_hi = ${expr(s.end)}, tsn_step = ${expr(s.step)};`);
    w.line(`const int64_t tsn_n = ${helper('trip_count', 'parallel')}(tsn_lo, tsn_hi, tsn_step, tsn_fn);`);
    w.block(`auto tsn_body = [&](${params.join(', ')})`, body, ';');
    const threshold = parallelThreshold(s);
    w.line(`const int tsn_threads = ${helper('threads_for', 'parallel')}(tsn_n, ${threshold});`);
    // An innermost loop (a body without loops or calls) reads local copies of
    // the shared values: copies whose address never escapes stay in registers
    // and the loop vectorises (saxpy: 1.30 → 0.78 ms). Bodies with loops of
    // their own were measured slower that way (matmul), so they do not.
    const innermost = threshold > 2;
    const copies = () => views.map((v) => (innermost ? `tsn_c_${localName(v)}` : localName(v)));
    const declareCopies = () => {
      if (innermost) views.forEach((v) => w.line(`const ${cppType(v.type)} tsn_c_${localName(v)} = ${localName(v)};`));
    };
    w.block('if (tsn_threads <= 1)', () => {
      const args = [
        'tsn_n',
        'tsn_lo',
        'tsn_step',
        'tsn_body',
        ...red.map((r) => `std::ref(${localName(r.local)})`),
        ...views.map((v) => localName(v)),
      ];
      w.line(`${helper('serial_for')}(${args.join(', ')});`);
    });
    w.block('else', () => {
      for (const r of red) w.line(`std::vector<${cppType(r.local.type)}> ${parts(r)}(tsn_threads, ${identity(r)});`);
      const guarded = mayThrow(s.body);
      if (guarded) w.line('tsn::ParallelFault tsn_fault;');
      w.line(`${work('parallel', '#pragma omp parallel', 'omp')} num_threads(tsn_threads)`);
      w.block('', () => {
        for (const r of red) w.line(`${cppType(r.local.type)} ${own(r)} = ${identity(r)};`);
        declareCopies();
        w.line('#pragma omp for schedule(static)');
        const args = ['tsn_lo + tsn_j * tsn_step', ...red.map(own), ...copies()];
        w.block('for (int64_t tsn_j = 0; tsn_j < tsn_n; tsn_j++)', () => {
          if (!guarded) {
            w.line(`tsn_body(${args.join(', ')});`);
            return;
          }
          w.line(`if (${work('throw', 'tsn_fault.skip', 'skip')}(tsn_j)) continue;`);
          w.line(`try { tsn_body(${args.join(', ')}); }`);
          w.line(`catch (const tsn::Fault& f) { ${work('throw', 'tsn_fault.record', 'record')}(tsn_j, f); }`);
          w.line(`catch (...) { ${work('throw', 'tsn_fault.record_internal', 'record')}(tsn_j, tsn_fn); }`);
        });
        for (const r of red) w.line(`${parts(r)}[omp_get_thread_num()] = ${own(r)};`);
      });
      if (guarded) w.line(`${work('throw', 'tsn_fault.raise_lowest', 'raise')}();`);
      for (const r of red) {
        w.line(
          `for (int tsn_t = 0; tsn_t < tsn_threads; tsn_t++) ${localName(r.local)} = ${combine(r, localName(r.local), `${parts(r)}[tsn_t]`)};`,
        );
      }
    });
  });
}

function kindOf(r: Reduction) {
  return r.local.type.tag === 'scalar' ? r.local.type.kind : 'f64';
}

/** The value a partial starts from: op(identity, x) is x for every x, -0 included. */
function identity(r: Reduction): string {
  const kind = kindOf(r);
  const t = C_TYPE[kind];
  const floating = kind === 'f64' || kind === 'f32';
  switch (r.op) {
    case '+':
      return floating ? `static_cast<${t}>(-0.0)` : `static_cast<${t}>(0)`;
    case '*':
      return `static_cast<${t}>(1)`;
    case '|':
    case '^':
      return `static_cast<${t}>(0)`;
    case '&':
      return floating ? 'static_cast<double>(-1)' : `static_cast<${t}>(-1)`;
    case 'min':
      return floating ? `static_cast<${t}>(INFINITY)` : `std::numeric_limits<${t}>::max()`;
    case 'max':
      return floating ? `static_cast<${t}>(-INFINITY)` : `std::numeric_limits<${t}>::lowest()`;
  }
}

function combine(r: Reduction, a: string, b: string): string {
  const kind = kindOf(r);
  const t = C_TYPE[kind];
  const floating = kind === 'f64' || kind === 'f32';
  switch (r.op) {
    case '+':
      return `${a} + ${b}`;
    case '*':
      return `${a} * ${b}`;
    case '|':
    case '&':
    case '^':
      // As JS: both sides ToInt32, the result stored back into the slot's kind.
      return `static_cast<${t}>(${helper('int32_of', 'convert')}(${a}) ${r.op} ${helper('int32_of', 'convert')}(${b}))`;
    case 'min':
      return floating ? `static_cast<${t}>(${helper('js_min')}(${a}, ${b}))` : `std::min<${t}>(${a}, ${b})`;
    case 'max':
      return floating ? `static_cast<${t}>(${helper('js_max')}(${a}, ${b}))` : `std::max<${t}>(${a}, ${b})`;
  }
}
