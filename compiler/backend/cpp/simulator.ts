// A @kernel in the CPU addon: the compiled simulator (native/tsnative/sim/sim.h).
// The kernel becomes a function of its thread (a coroutine when it has
// barriers, so that its block can suspend it at each one), and an entry that
// reads the launch shape and the arguments as a native function's, then runs
// every block; its offload form is launchAsync's.
import type { AtomicOp, IrFunction } from '../../ir/nodes';
import { expressions, someStmt } from '../../ir/walk';
import { ARRAYS } from '../../ir/types';
import { implName, localName, offloadExport } from '../names';
import { simExport } from '../../../runtime/kernel-names';
import type { CodeWriter } from '../writer';
import { inDialect, type KernelDialect } from './dialect';
import { emitFunction, readArguments } from './module';
import { emitThreadLoops, splittable } from './thread-loops';
import { cppType, stringLiteral } from './types';

/** The launch shape's seven arguments (grid x y z, block x y z, shared bytes) come before the kernel's own. */
export const SHAPE_ARGUMENTS = 7;

const OP_CHAR: Record<Exclude<AtomicOp, 'cas'>, string> = { add: '+', sub: '-', min: '<', max: '>', exch: '=' };

function simDialect(cooperative: boolean): KernelDialect {
  return {
    thread: (name, axis) => `tsn_thread.${name}.${'xyz'[axis]}`,
    // A shared element is the simulator's recording reference (sim.h SharedRef); any other, a pointer.
    atomic: (op, element, shared, args) => {
      const ref = shared ? element : `&${element}`;
      return op === 'cas' ? `tsn::sim::atomic_cas(${ref}, ${args.join(', ')})` : `tsn::sim::atomic('${OP_CHAR[op]}', ${ref}, ${args[0]})`;
    },
    barrier: (site, line) => `co_await tsn_thread.barrier(${site}, ${line});`,
    sharedLet: (local, element, slot, length) => [
      `const tsn::sim::SharedView<${element}> ${localName(local)} = tsn_thread.shared<${element}>(${slot}, ${length});`,
    ],
    returnVoid: cooperative ? 'co_return;' : 'return;',
    arrayType: (element) => `tsn::View<${element}>`,
  };
}

const ELEMENT_BYTES: Record<string, number> = { f64: 8, f32: 4, i32: 4, u32: 4, i16: 2, u16: 2, i8: 1, u8: 1 };

/** The bytes of a kernel's shared arrays: they count against a block's shared memory with the launch's sharedBytes. */
function staticShared(fn: IrFunction): number {
  let bytes = 0;
  for (const e of expressions(fn.body)) if (e.k === 'sharedArray') bytes += e.length * ELEMENT_BYTES[ARRAYS[e.arrayKind].element]!;
  return bytes;
}

const cooperative = (fn: IrFunction): boolean => someStmt(fn.body, (s) => s.k === 'barrier');
/** A kernel runs as thread loops where it can (thread-loops.ts); one with barriers elsewhere, as coroutines. */
const threadLoops = (fn: IrFunction): boolean => splittable(fn);
const simEntryName = (fn: IrFunction): string => `tsn_sim_${fn.name}`;
const simOffloadName = (fn: IrFunction): string => `tsn_sim_offload_${fn.name}`;

export function emitSimKernel(w: CodeWriter, fn: IrFunction): void {
  if (threadLoops(fn)) {
    emitThreadLoops(w, fn, simDialect(false));
    return;
  }
  const params = ['[[maybe_unused]] tsn::sim::Thread& tsn_thread', ...fn.params.map((p) => `${cppType(p.type)} ${localName(p)}`)];
  const returns = cooperative(fn) ? 'tsn::sim::Task' : 'void';
  inDialect(simDialect(cooperative(fn)), () => emitFunction(w, fn, `${returns} ${implName(fn.name)}(${params.join(', ')})`));
}

/** Runs every block of the launch: the statement both entries share. */
function runStatement(fn: IrFunction): string {
  if (threadLoops(fn)) {
    const call = `${implName(fn.name)}(${['tsn_block', 'tsn_s', ...fn.params.map(localName)].join(', ')})`;
    return `tsn::sim::launch_blocks(tsn_shape, ${stringLiteral(fn.name)}, [=](tsn::sim::Block& tsn_block, const tsn::sim::Shape& tsn_s) { ${call}; });`;
  }
  const call = `${implName(fn.name)}(${['tsn_thread', ...fn.params.map(localName)].join(', ')})`;
  const launch = cooperative(fn) ? 'launch_cooperative' : 'launch';
  const body = cooperative(fn) ? `return ${call};` : `${call};`;
  return `tsn::sim::${launch}(tsn_shape, ${stringLiteral(fn.name)}, [=](tsn::sim::Thread& tsn_thread) { ${body} });`;
}

export function emitSimEntry(w: CodeWriter, fn: IrFunction): void {
  const arity = SHAPE_ARGUMENTS + fn.params.length;
  const name = stringLiteral(fn.name);
  w.block(`napi_value ${simEntryName(fn)}(napi_env env, napi_callback_info info)`, () => {
    w.block(
      `return tsn::entry<${arity}>(env, info, ${name}, [&](tsn::Args& args) -> napi_value`,
      () => {
        w.line(`const tsn::sim::Shape tsn_shape = tsn::sim::read_shape(args, ${name}, ${staticShared(fn)});`);
        readArguments(w, fn, SHAPE_ARGUMENTS);
        w.line(runStatement(fn));
        w.line('return tsn::ret_void(env);');
      },
      ');',
    );
  });
  w.line();
  w.silently(() =>
    w.block(`napi_value ${simOffloadName(fn)}(napi_env env, napi_callback_info info)`, () => {
      w.block(
        `return tsn::offload_entry<${arity}>(env, info, ${name}, [&](tsn::Args& args) -> std::function<tsn::Outcome()>`,
        () => {
          w.line(`const tsn::sim::Shape tsn_shape = tsn::sim::read_shape(args, ${name}, ${staticShared(fn)});`);
          readArguments(w, fn, SHAPE_ARGUMENTS);
          w.line(`return [=]() { ${runStatement(fn)} return tsn::Outcome::none(); };`);
        },
        ');',
      );
    }),
  );
}

export function exportSimKernel(w: CodeWriter, fn: IrFunction): void {
  w.line(`tsn::export_function(env, exports, ${stringLiteral(simExport(fn.name))}, ${simEntryName(fn)});`);
  w.line(`tsn::export_function(env, exports, ${stringLiteral(offloadExport(simExport(fn.name)))}, ${simOffloadName(fn)});`);
}
