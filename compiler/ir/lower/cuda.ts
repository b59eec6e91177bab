// The `cuda` namespace inside a `@kernel` (thread positions, barriers,
// shared memory, atomics) → IR. Everything here is refused outside a kernel:
// a @native function is called once, not by a grid of threads.
import { Node, type CallExpression, type Expression, type PropertyAccessExpression, type ts } from 'ts-morph';
import { packageValue } from '../../frontend/aliases';
import type { AtomicOp, Expr, Loc, Stmt, ThreadValue } from '../nodes';
import { ARRAYS, I53, array, isArrayKind, isInteger, scalar, type ArrayKind } from '../types';
import type { FnContext } from './context';
import { convert, toSlot } from './convert';
import { arith, lowerExpr } from './expressions';
import { declareLocal } from './statements';

const THREAD_VALUES = new Set<string>(['threadIdx', 'blockIdx', 'blockDim', 'gridDim']);
const ATOMIC_OPS = new Set<string>(['add', 'sub', 'min', 'max', 'exch', 'cas']);
// Element kinds GPUs update atomically (as Numba's cuda.atomic): 32-bit integers and floats, and doubles.
const ATOMIC_KINDS: readonly ArrayKind[] = ['Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array'];
const CAS_KINDS: readonly ArrayKind[] = ['Int32Array', 'Uint32Array'];

const KERNEL_HINT = 'mark the function `/** @kernel */` and run it with `launch(kernel, { grid, block }, ...args)`';

/** `node` is tsnative's `cuda` (imported, maybe renamed, or through a namespace), not a local of that name. */
function isCuda(ctx: FnContext, node: Node): boolean {
  if (Node.isIdentifier(node) && ctx.lookup(node.getText())) return false;
  return packageValue(node.compilerNode as ts.Expression) === 'cuda';
}

/** The `cuda` member path of an expression: `cuda.atomic.add` → ['atomic', 'add']; undefined for anything else. */
function cudaPath(ctx: FnContext, node: Node): string[] | undefined {
  if (!Node.isPropertyAccessExpression(node)) return undefined;
  const inner = node.getExpression();
  if (isCuda(ctx, inner)) return [node.getName()];
  const head = cudaPath(ctx, inner);
  return head ? [...head, node.getName()] : undefined;
}

/** Fails unless lowering a kernel. */
function inKernel(ctx: FnContext, node: Node, what: string): void {
  if (!ctx.kernel) ctx.fail(node, 'TSN1501', [what, KERNEL_HINT]);
}

const thread = (name: ThreadValue, axis: 0 | 1 | 2, loc: Loc): Expr => ({ k: 'thread', type: I53, name, axis, loc });

/** `cuda.threadIdx.x` and its kin; undefined when `node` is not a `cuda` member. */
export function cudaProperty(ctx: FnContext, node: PropertyAccessExpression): Expr | undefined {
  const path = cudaPath(ctx, node);
  if (!path) return undefined;
  const text = `cuda.${path.join('.')}`;
  inKernel(ctx, node, text);
  const [name, axis] = path;
  if (path.length === 2 && THREAD_VALUES.has(name!) && (axis === 'x' || axis === 'y' || axis === 'z')) {
    return thread(name as ThreadValue, axis === 'x' ? 0 : axis === 'y' ? 1 : 2, ctx.loc(node));
  }
  return ctx.fail(node, 'TSN1504', [text]);
}

/** `cuda.grid(1)`, `cuda.atomic.add(…)`, …; undefined when the callee is not a `cuda` member. */
export function cudaCall(ctx: FnContext, node: CallExpression): Expr | undefined {
  const path = cudaPath(ctx, node.getExpression());
  if (!path) return undefined;
  const text = `cuda.${path.join('.')}`;
  inKernel(ctx, node, `${text}()`);
  const loc = ctx.loc(node);
  const args = node.getArguments() as Expression[];
  const [head, member] = path;
  if (path.length === 1 && (head === 'grid' || head === 'gridsize')) {
    if (dimensionsOf(ctx, node) !== 1) return ctx.fail(node, 'TSN1510', [text]);
    return head === 'grid' ? globalIndex(0, loc) : gridSize(0, loc);
  }
  if (path.length === 1 && head === 'syncthreads') return ctx.fail(node, 'TSN1507');
  if (path.length === 2 && head === 'shared' && member === 'array') return sharedArray(ctx, node, args, loc);
  if (path.length === 2 && head === 'atomic' && ATOMIC_OPS.has(member!)) return atomic(ctx, node, member as AtomicOp, args, loc);
  return ctx.fail(node, 'TSN1504', [`${text}()`]);
}

/** The argument of grid/gridsize: the literal 1 or 2. */
function dimensionsOf(ctx: FnContext, node: CallExpression): 1 | 2 {
  const [arg, ...rest] = node.getArguments();
  const n = arg && Node.isNumericLiteral(arg) ? Number(arg.compilerNode.text) : NaN;
  if (rest.length > 0 || (n !== 1 && n !== 2))
    return ctx.fail(node, 'TSN1504', [`${node.getExpression().getText()}(${arg?.getText() ?? ''})`]);
  return n;
}

const globalIndex = (axis: 0 | 1, loc: Loc): Expr =>
  arith('+', arith('*', thread('blockIdx', axis, loc), thread('blockDim', axis, loc), loc), thread('threadIdx', axis, loc), loc);
const gridSize = (axis: 0 | 1, loc: Loc): Expr => arith('*', thread('blockDim', axis, loc), thread('gridDim', axis, loc), loc);

/** `cuda.syncthreads();` as a statement of its own; undefined for any other statement. */
export function cudaStatement(ctx: FnContext, node: Expression): Stmt | undefined {
  if (!Node.isCallExpression(node)) return undefined;
  const path = cudaPath(ctx, node.getExpression());
  if (path?.length !== 1 || path[0] !== 'syncthreads') return undefined;
  inKernel(ctx, node, 'cuda.syncthreads()');
  if (node.getArguments().length > 0) return ctx.fail(node, 'TSN1504', [node.getText()]);
  return { k: 'barrier', site: ctx.nextBarrierSite(), loc: ctx.loc(node) };
}

/** `const [x, y] = cuda.grid(2)` (or gridsize(2)): two locals; undefined when the initialiser is something else. */
export function cudaPair(ctx: FnContext, decl: import('ts-morph').VariableDeclaration): Stmt[] | undefined {
  const init = decl.getInitializer();
  const pattern = decl.getNameNode();
  if (!init || !Node.isCallExpression(init) || !Node.isArrayBindingPattern(pattern)) return undefined;
  const path = cudaPath(ctx, init.getExpression());
  if (path?.length !== 1 || (path[0] !== 'grid' && path[0] !== 'gridsize')) return undefined;
  inKernel(ctx, init, `cuda.${path[0]}()`);
  const dims = dimensionsOf(ctx, init);
  const loc = ctx.loc(init);
  const values = dims === 1 ? [] : path[0] === 'grid' ? [globalIndex(0, loc), globalIndex(1, loc)] : [gridSize(0, loc), gridSize(1, loc)];
  const elements = pattern.getElements();
  if (values.length === 0 || elements.length > 2) return ctx.fail(decl, 'TSN1510', [`cuda.${path[0]}`]);
  return elements.flatMap((el, i) => {
    if (Node.isOmittedExpression(el)) return [];
    const name = el.getNameNode();
    if (!Node.isIdentifier(name) || el.getInitializer() || el.getDotDotDotToken()) return ctx.fail(el, 'TSN1105');
    return [declareLocal(ctx, el, name.getText(), undefined, values[i]!, init)];
  });
}

function sharedArray(ctx: FnContext, node: CallExpression, args: Expression[], loc: Loc): Expr {
  const [kindNode, lengthNode] = args;
  const kind = kindNode?.getText() ?? '';
  if (args.length !== 2 || !isArrayKind(kind)) return ctx.fail(node, 'TSN1505', [node.getText()]);
  const length = constantLength(ctx, lengthNode!);
  if (length === undefined) return ctx.fail(lengthNode!, 'TSN1505', [node.getText()]);
  return { k: 'sharedArray', type: array(kind), arrayKind: kind, length, slot: ctx.nextSharedSlot(), loc };
}

/**
 * A positive integer known before the kernel runs: a literal, a module const,
 * or arithmetic on those (`TILE * TILE`), computed as JS would.
 */
function constantLength(ctx: FnContext, node: Expression): number | undefined {
  const value = constantValue(lowerExpr(ctx, node));
  return value !== undefined && Number.isInteger(value) && value > 0 && value <= 2 ** 31 - 1 ? value : undefined;
}

function constantValue(e: Expr): number | undefined {
  const both = (l: Expr, r: Expr, f: (a: number, b: number) => number) => {
    const a = constantValue(l);
    const b = constantValue(r);
    return a === undefined || b === undefined ? undefined : f(a, b);
  };
  switch (e.k) {
    case 'num':
      return e.value;
    case 'convert':
      return e.to === 'f64' || e.to === 'i53' ? constantValue(e.operand) : undefined;
    case 'neg': {
      const v = constantValue(e.operand);
      return v === undefined ? undefined : -v;
    }
    case 'arith':
      return both(e.left, e.right, (a, b) =>
        e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : e.op === '/' ? a / b : a % b,
      );
    case 'bit':
      return both(e.left, e.right, (a, b) =>
        e.op === '|' ? a | b : e.op === '&' ? a & b : e.op === '^' ? a ^ b : e.op === '<<' ? a << b : e.op === '>>' ? a >> b : a >>> b,
      );
    default:
      return undefined;
  }
}

function atomic(ctx: FnContext, node: CallExpression, op: AtomicOp, args: Expression[], loc: Loc): Expr {
  const arity = op === 'cas' ? 4 : 3;
  if (args.length !== arity) return ctx.fail(node, 'TSN1205', [`cuda.atomic.${op}`, String(arity), String(args.length)]);
  const target = lowerExpr(ctx, args[0]!);
  const kinds = op === 'cas' ? CAS_KINDS : ATOMIC_KINDS;
  if (target.type.tag !== 'array' || !kinds.includes(target.type.kind)) {
    return ctx.fail(args[0]!, 'TSN1506', [`cuda.atomic.${op}`, kinds.join(', ')]);
  }
  const arrayKind = target.type.kind;
  const indexValue = lowerExpr(ctx, args[1]!);
  if (!isInteger(indexValue.type)) return ctx.fail(args[1]!, 'TSN1303');
  const element = scalar(ARRAYS[arrayKind].element);
  // Operands take the element's kind, as the hardware's operation does; an
  // integer or f32 slot takes only values that already fit (so JS agrees).
  const operand = (n: Expression, what: string) => toSlot(ctx, n, lowerExpr(ctx, n), element, `the ${what} of cuda.atomic.${op}`);
  const compare = op === 'cas' ? operand(args[2]!, 'compared value') : undefined;
  const value = operand(args[arity - 1]!, 'value');
  return {
    k: 'atomic',
    type: element,
    op,
    array: target,
    arrayKind,
    index: convert(indexValue, 'i53'),
    compare,
    value,
    checked: ctx.boundsChecked,
    loc,
  };
}
