// A kernel with barriers, for the simulator, as thread loops (the region
// splitting of MCUDA): the code between two barriers becomes one loop over
// the threads of the block, and a variable that lives across a barrier gets a
// slot per thread. Switching between threads then costs a loop iteration, not
// a coroutine resume (a tree reduction ran 3× faster). Barriers may sit in
// the kernel's body and in ifs and loops around them, whose conditions every
// thread then evaluates and must agree on. Anything else (a switch around a
// barrier, a break out of a loop that holds one) keeps the coroutine form.
import type { Expr, IrFunction, Local, Stmt } from '../../ir/nodes';
import { expressions, someStmt, statements as statements_ } from '../../ir/walk';
import { implName, localName } from '../names';
import type { CodeWriter } from '../writer';
import { inDialect, type KernelDialect } from './dialect';
import { expr } from './expressions';
import { FASTMATH } from './module';
import { collectLabels, statements, stripParens, type LabelUse } from './statements';
import { cppType, elementType, stringLiteral } from './types';

const hasBarrier = (s: Stmt): boolean => someStmt([s], (x) => x.k === 'barrier');

/** The locals declared directly in the statement lists that hold barriers: they live across regions. */
function splitLocals(body: Stmt[]): Local[] {
  const out: Local[] = [];
  const level = (list: Stmt[]) => {
    for (const s of list) {
      if (s.k === 'let') out.push(s.local);
      if (!hasBarrier(s)) continue;
      if (s.k === 'for') level(s.init);
      if (s.k === 'if' || s.k === 'for' || s.k === 'while' || s.k === 'do' || s.k === 'block') {
        for (const inner of s.k === 'if' ? [s.then, s.else ?? []] : [s.body]) level(inner);
      }
    }
  };
  level(body);
  return out;
}

/** A jump out of `body` to the loop that holds it (not to a loop or switch inside). */
function jumpsOut(body: Stmt[], inLoop = false, inSwitch = false): boolean {
  return body.some((s) => {
    if (s.k === 'break') return s.label !== undefined || (!inLoop && !inSwitch);
    if (s.k === 'continue') return s.label !== undefined || !inLoop;
    const loop = s.k === 'for' || s.k === 'while' || s.k === 'do';
    const lists = s.k === 'if' ? [s.then, s.else ?? []] : s.k === 'switch' ? s.cases.map((c) => c.body) : 'body' in s ? [s.body] : [];
    return lists.some((l) => jumpsOut(l as Stmt[], inLoop || loop, inSwitch || s.k === 'switch'));
  });
}

/** Whether the kernel's barriers all sit where thread loops can run them. */
export function splittable(fn: IrFunction): boolean {
  const level = (list: Stmt[]): boolean =>
    list.every((s) => {
      if (!hasBarrier(s)) return true;
      switch (s.k) {
        case 'barrier':
          return true;
        case 'block':
          return level(s.body);
        case 'if':
          return !s.versioned && level(s.then) && level(s.else ?? []);
        case 'for':
          return s.label === undefined && !s.lanes && !jumpsOut(s.body) && level(s.init) && level(s.body);
        case 'while':
        case 'do':
          return s.label === undefined && !jumpsOut(s.body) && level(s.body);
        default:
          return false;
      }
    });
  const locals = splitLocals(fn.body);
  // One C++ name per variable of the function: two locals of one name (in sibling blocks) would share their slots.
  const names = new Set(locals.map(localName));
  return level(fn.body) && names.size === locals.length;
}

/** `let x = e` of a variable with per-thread slots: the slot is assigned; a shared array is declared once per block. */
function asAssignments(list: Stmt[], split: Set<Local>): Stmt[] {
  return list.flatMap((s): Stmt[] => {
    if (s.k === 'let' && split.has(s.local)) {
      if (s.init.k === 'sharedArray') return [];
      const target = { k: 'local' as const, type: s.local.type, local: s.local, loc: s.loc };
      return [{ k: 'expr', expr: { k: 'assign', type: s.local.type, target, value: s.init, loc: s.loc }, loc: s.loc }];
    }
    return [s];
  });
}

class ThreadLoops {
  private regions = 0;

  constructor(
    private readonly w: CodeWriter,
    private readonly split: Set<Local>,
    private readonly labels: LabelUse,
    private readonly dialect: KernelDialect,
  ) {}

  /** Binds, for one thread, the slots of the variables `exprs` use. */
  private bindSlots(stmts: Stmt[], extra: Expr[] = []): void {
    const used = new Set<Local>();
    for (const e of [...expressions(stmts), ...extra.flatMap((x) => [...expressions([{ k: 'expr', expr: x, loc: x.loc }])])]) {
      if (e.k === 'local' && this.split.has(e.local) && e.local.shared === undefined) used.add(e.local);
      if ((e.k === 'assign' || e.k === 'update') && e.target.k === 'local' && this.split.has(e.target.local)) used.add(e.target.local);
    }
    for (const l of [...used].sort((a, b) => a.id - b.id)) this.w.line(`auto& ${localName(l)} = tsn_slot${l.id}[tsn_t];`);
  }

  /** The loop over the running threads; `body` prints one thread's part. */
  private eachThread(body: () => void): void {
    this.w.block('for (int32_t tsn_t = 0; tsn_t < tsn_threads.size(); tsn_t++)', () => {
      this.w.line('if (tsn_threads.done(tsn_t)) continue;');
      this.w.line('[[maybe_unused]] tsn::sim::Thread& tsn_thread = tsn_threads.enter(tsn_t);');
      body();
    });
  }

  /** Code without barriers, for every thread; a `return` ends the thread. */
  private region(stmts: Stmt[]): void {
    if (stmts.length === 0) return;
    const returns = someStmt(stmts, (s) => s.k === 'return');
    const next = `tsn_next${this.regions++}`;
    const finish = `{ tsn_threads.finish(tsn_t); goto ${next}; }`;
    this.eachThread(() => {
      this.bindSlots(stmts);
      // The thread's statements in a block of their own, so the goto past them crosses no declaration.
      inDialect({ ...this.dialect, returnVoid: finish }, () => this.w.block('', () => statements(this.w, stmts, this.labels)));
      if (returns) this.w.line(`${next}:;`);
    });
    this.w.line('if (tsn_threads.all_done()) return;');
  }

  /** A condition every running thread evaluates and must agree on; its value in `name`. */
  private decide(test: Expr, name: string): void {
    this.w.line(`bool ${name} = false;`);
    this.eachThread(() => {
      this.bindSlots([], [test]);
      this.w.line(`tsn_threads.decide(tsn_t, static_cast<bool>(${stripParens(expr(test))}), ${test.loc.line});`);
    });
    this.w.line(`${name} = tsn_threads.decided();`);
  }

  level(list: Stmt[]): void {
    let run: Stmt[] = [];
    const flush = () => {
      this.region(asAssignments(run, this.split));
      run = [];
    };
    for (const s of list) {
      if (!hasBarrier(s)) {
        run.push(s);
        continue;
      }
      flush();
      this.w.mark(s.loc.line);
      this.withBarrier(s);
    }
    flush();
  }

  private withBarrier(s: Stmt): void {
    const w = this.w;
    const cond = () => `tsn_c${this.regions++}`;
    switch (s.k) {
      case 'barrier':
        w.line(`tsn_threads.barrier(${s.loc.line});`);
        return;
      case 'block':
        this.level(s.body);
        return;
      case 'if': {
        const c = cond();
        this.decide(s.test, c);
        w.block(`if (${c})`, () => this.level(s.then));
        const otherwise = s.else;
        if (otherwise) w.block('else', () => this.level(otherwise));
        return;
      }
      case 'for':
        this.level(s.init);
        w.block('for (;;)', () => {
          if (s.test) {
            const c = cond();
            this.decide(s.test, c);
            w.line(`if (!${c}) break;`);
          }
          this.level(s.body);
          this.region(s.update.map((u) => ({ k: 'expr', expr: u, loc: u.loc })));
        });
        return;
      case 'while':
      case 'do':
        w.block('for (;;)', () => {
          const c = cond();
          if (s.k === 'while') {
            this.decide(s.test, c);
            w.line(`if (!${c}) break;`);
            this.level(s.body);
          } else {
            this.level(s.body);
            this.decide(s.test, c);
            w.line(`if (!${c}) break;`);
          }
        });
        return;
      default:
        throw new Error(`a barrier inside a ${s.k} statement (splittable() admits none)`);
    }
  }
}

// What is the same for every thread of a block comes from the block, not from each thread's record.
const BLOCK_VALUES: Partial<Record<string, string>> = {
  blockIdx: 'tsn_block.index()',
  blockDim: 'tsn_shape.block',
  gridDim: 'tsn_shape.grid',
};

/** The kernel as a function of its block: `void tsn_fn_k(Block&, const Shape&, params…)`. */
export function emitThreadLoops(w: CodeWriter, fn: IrFunction, simDialect: KernelDialect): void {
  const dialect: KernelDialect = {
    ...simDialect,
    thread: (name, axis) => (BLOCK_VALUES[name] ? `${BLOCK_VALUES[name]}.${'xyz'[axis]}` : simDialect.thread(name, axis)),
  };
  const split = splitLocals(fn.body);
  const params = [
    'tsn::sim::Block& tsn_block',
    'const tsn::sim::Shape& tsn_shape',
    ...fn.params.map((p) => `${cppType(p.type)} ${localName(p)}`),
  ];
  w.resetMark();
  w.mark(fn.loc.line);
  if (fn.options.has('fastmath')) w.line(FASTMATH);
  inDialect(dialect, () =>
    w.block(`void ${implName(fn.name)}(${params.join(', ')})`, () => {
      w.line(`static constexpr const char* tsn_fn = ${stringLiteral(fn.jsName ?? fn.name)};`);
      w.line('(void)tsn_fn;');
      w.line('tsn::sim::Threads tsn_threads(tsn_block, tsn_shape);');
      for (const l of split) {
        const init = findLet(fn.body, l);
        if (init?.k === 'sharedArray') {
          const t = elementType(init.arrayKind);
          w.line(`const tsn::sim::SharedView<${t}> ${localName(l)} = tsn_block.shared<${t}>(${init.slot}, ${init.length});`);
        } else {
          // One slot per thread, value-initialised as a fresh local would be before its first assignment.
          w.line(`std::unique_ptr<${cppType(l.type)}[]> tsn_slot${l.id}(new ${cppType(l.type)}[tsn_threads.size()]());`);
        }
      }
      new ThreadLoops(w, new Set(split), collectLabels(fn.body), dialect).level(fn.body);
    }),
  );
}

function findLet(body: Stmt[], local: Local): Expr | undefined {
  for (const s of statements_(body)) if (s.k === 'let' && s.local === local) return s.init;
  return undefined;
}
