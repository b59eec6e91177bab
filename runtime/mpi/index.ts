// `tsnative/mpi`: message passing between the ranks of an `mpirun -np N node app.js`
// job, over the system's MPI (docs/mpi.md). Buffers are typed arrays, used in place
// (zero-copy, SharedArrayBuffer-backed views too); the MPI datatype comes from
// the array's kind. Calls block like their MPI counterparts.
//
// Importing this module initialises MPI (MPI_Init_thread, MPI_THREAD_MULTIPLE
// asked for; `threadLevel` says what was provided); MPI is finalised when the
// process exits. Without an MPI binding (no MPI when tsnative was installed)
// the import throws an Error that names the OS packages to install.
//
// Arguments are checked here, before MPI sees them: a rank, root or tag out of
// range and a buffer too small are RangeErrors, a wrong kind (not a typed
// array, mismatched kinds, bitwise or logical ops on float arrays) a TypeError.
import { loadMpiAddon } from './addon';
import { constructorOf, describeValue, kindOf, type TypedArray, type TypedArrayKind } from '../cuda/typed-arrays';

export type { TypedArray } from '../cuda/typed-arrays';
export { MPI_OS_PACKAGES } from './addon';

const native = loadMpiAddon();

/** Reduction operations, by MPI's names (MPI_SUM … MPI_BXOR). */
export type ReduceOp = 'sum' | 'prod' | 'min' | 'max' | 'land' | 'lor' | 'band' | 'bor' | 'bxor';
// In native/mpi/mpi.cc's order.
const OPS: readonly ReduceOp[] = ['sum', 'prod', 'min', 'max', 'land', 'lor', 'band', 'bor', 'bxor'];
const INTEGER_ONLY: ReadonlySet<ReduceOp> = new Set(['land', 'lor', 'band', 'bor', 'bxor']);
const FLOAT_KINDS: ReadonlySet<TypedArrayKind> = new Set(['Float32Array', 'Float64Array']);

/** `recv`'s source that matches any rank. */
export const ANY_SOURCE: number = native.anySource;
/** `recv`'s tag that matches any tag. */
export const ANY_TAG: number = native.anyTag;
/** The largest tag this MPI allows (at least 32767). */
export const TAG_UB: number = native.tagUb;
/** The thread support MPI provided: 'multiple' lets any thread call MPI at any time. */
export const threadLevel: 'single' | 'funneled' | 'serialized' | 'multiple' = native.threadLevel;
/** The MPI library's own version line (MPI_Get_library_version). */
export const libraryVersion: string = native.libraryVersion;

/** What `recv` received: from which rank, with which tag, and how many elements. */
export interface Status {
  readonly source: number;
  readonly tag: number;
  /** Elements received (of the receive buffer's kind). */
  readonly count: number;
}

const statusScratch = new Int32Array(4);

function bufferArg(fn: string, what: string, x: unknown): TypedArray {
  if (kindOf(x) === undefined) throw new TypeError(`${fn}: ${what} must be a typed array, not ${describeValue(x)}`);
  return x as TypedArray;
}

function sameKind(fn: string, a: TypedArray, b: TypedArray): void {
  const ka = kindOf(a)!;
  const kb = kindOf(b)!;
  if (ka !== kb) throw new TypeError(`${fn}: the buffers' kinds differ (${ka} and ${kb}); MPI needs one datatype on both sides`);
}

function notOverlapping(fn: string, a: TypedArray, b: TypedArray): void {
  if (a.buffer !== b.buffer) return;
  const aEnd = a.byteOffset + a.byteLength;
  const bEnd = b.byteOffset + b.byteLength;
  if (a.byteOffset < bEnd && b.byteOffset < aEnd && a.byteLength > 0 && b.byteLength > 0)
    throw new TypeError(`${fn}: the send and receive buffers overlap; leave out the receive buffer to work in place`);
}

function opArg(fn: string, op: unknown, buf: TypedArray): number {
  const i = OPS.indexOf(op as ReduceOp);
  if (i < 0) throw new TypeError(`${fn}: unknown operation ${describeValue(op)} (expected one of ${OPS.join(', ')})`);
  const kind = kindOf(buf)!;
  if (INTEGER_ONLY.has(op as ReduceOp) && FLOAT_KINDS.has(kind))
    throw new TypeError(`${fn}: '${op as string}' works on integer arrays only, not on ${kind} (MPI defines it for integers)`);
  return i;
}

function atLeast(fn: string, what: string, buf: TypedArray, need: number, why: string): void {
  if (buf.length < need)
    throw new RangeError(`${fn}: ${what} holds ${buf.length} elements but ${need} are needed (${why}); use a ${kindOf(buf)}(${need})`);
}

/** A communicator: a group of ranks that exchange messages. `world` holds every rank of the job. */
class Comm {
  /** This process's rank in the communicator, 0 … size - 1. */
  readonly rank: number;
  /** The number of ranks. */
  readonly size: number;
  readonly #id: number;

  /** @internal */
  constructor(id: number, rank: number, size: number) {
    this.#id = id;
    this.rank = rank;
    this.size = size;
  }

  #rankArg(fn: string, what: string, x: unknown, anyAllowed = false): number {
    if (anyAllowed && x === ANY_SOURCE) return x;
    if (typeof x !== 'number') throw new TypeError(`${fn}: ${what} must be a rank number, not ${describeValue(x)}`);
    if (!Number.isInteger(x) || x < 0 || x >= this.size)
      throw new RangeError(`${fn}: ${what} ${describeValue(x)} is out of range: this communicator has ranks 0 to ${this.size - 1}`);
    return x;
  }

  #tagArg(fn: string, x: unknown, anyAllowed = false): number {
    if (anyAllowed && x === ANY_TAG) return x;
    if (typeof x !== 'number') throw new TypeError(`${fn}: the tag must be a number, not ${describeValue(x)}`);
    if (!Number.isInteger(x) || x < 0 || x > TAG_UB)
      throw new RangeError(`${fn}: tag ${describeValue(x)} is out of range (0 to ${TAG_UB})`);
    return x;
  }

  /** Sends `buf`'s elements to rank `dest` (blocking until the buffer may be reused). */
  send(buf: TypedArray, dest: number, tag = 0): void {
    const b = bufferArg('send', 'the buffer', buf);
    native.send(this.#id, b, this.#rankArg('send', 'destination rank', dest), this.#tagArg('send', tag));
  }

  /**
   * Receives one message into `buf` (from `source`, or any rank; with `tag`, or any tag).
   * A message larger than `buf` is a RangeError naming both sizes (the message is dropped).
   */
  recv(buf: TypedArray, source: number = ANY_SOURCE, tag: number = ANY_TAG): Status {
    const b = bufferArg('recv', 'the buffer', buf);
    const s = statusScratch;
    native.recv(this.#id, b, this.#rankArg('recv', 'source rank', source, true), this.#tagArg('recv', tag, true), s);
    const status: Status = { source: s[0], tag: s[1], count: s[2] };
    if (s[3] === 1)
      throw new RangeError(
        `recv: the message from rank ${status.source} (tag ${status.tag}) has ${status.count} elements but the receive buffer, ` +
          `a ${kindOf(b)}, holds ${b.length}; the message was dropped`,
      );
    if (s[3] === 2)
      throw new TypeError(
        `recv: the message from rank ${status.source} (tag ${status.tag}) is not a whole number of ${kindOf(b)} elements ` +
          `(${b.BYTES_PER_ELEMENT} bytes each): it was sent from another kind; the message was dropped`,
      );
    return status;
  }

  /** Waits until every rank has called it. */
  barrier(): void {
    native.barrier(this.#id);
  }

  /** Copies `buf` from `root` into `buf` on every other rank (same kind and length everywhere). */
  bcast<T extends TypedArray>(buf: T, root = 0): T {
    const b = bufferArg('bcast', 'the buffer', buf);
    native.bcast(this.#id, b, this.#rankArg('bcast', 'root', root));
    return buf;
  }

  /**
   * Combines `buf` of every rank element-wise with `op` at `root`: into `out` when given,
   * else in place into the root's `buf`. Returns the result at the root, undefined elsewhere.
   */
  reduce<T extends TypedArray>(buf: T, op: ReduceOp, root = 0, out?: T): T | undefined {
    const b = bufferArg('reduce', 'the buffer', buf);
    const o = opArg('reduce', op, b);
    const r = this.#rankArg('reduce', 'root', root);
    const here = r === this.rank;
    if (here && out !== undefined) {
      bufferArg('reduce', 'the result buffer', out);
      sameKind('reduce', b, out);
      atLeast('reduce', 'the result buffer', out, b.length, 'one per element of the buffer');
      notOverlapping('reduce', b, out);
    }
    native.reduce(this.#id, b, here && out !== undefined ? out : null, o, r);
    return here ? (out ?? buf) : undefined;
  }

  /** Combines `buf` of every rank element-wise with `op` on every rank: into `out` when given, else in place. */
  allreduce<T extends TypedArray>(buf: T, op: ReduceOp, out?: T): T {
    const b = bufferArg('allreduce', 'the buffer', buf);
    const o = opArg('allreduce', op, b);
    if (out !== undefined) {
      bufferArg('allreduce', 'the result buffer', out);
      sameKind('allreduce', b, out);
      atLeast('allreduce', 'the result buffer', out, b.length, 'one per element of the buffer');
      notOverlapping('allreduce', b, out);
    }
    native.allreduce(this.#id, b, out ?? null, o);
    return out ?? buf;
  }

  /**
   * Collects every rank's `send` (same length everywhere) at `root`, in rank order, into
   * `recv` (size × send.length elements; made when not given). Returns it at the root, undefined elsewhere.
   */
  gather<T extends TypedArray>(send: T, root = 0, recv?: T): T | undefined {
    const s = bufferArg('gather', 'the send buffer', send);
    const r = this.#rankArg('gather', 'root', root);
    let into: T | undefined;
    if (r === this.rank) {
      const need = this.size * s.length;
      if (recv !== undefined) {
        bufferArg('gather', 'the receive buffer', recv);
        sameKind('gather', s, recv);
        atLeast('gather', 'the receive buffer', recv, need, `${this.size} ranks × ${s.length}`);
        notOverlapping('gather', s, recv);
        into = recv;
      } else {
        into = new (constructorOf(kindOf(s)!))(need) as T;
      }
    }
    native.gather(this.#id, s, into ?? null, r);
    return into;
  }

  /** Collects every rank's `send` (same length everywhere) on every rank, in rank order, into `recv` (made when not given). */
  allgather<T extends TypedArray>(send: T, recv?: T): T {
    const s = bufferArg('allgather', 'the send buffer', send);
    const need = this.size * s.length;
    let into: T;
    if (recv !== undefined) {
      bufferArg('allgather', 'the receive buffer', recv);
      sameKind('allgather', s, recv);
      atLeast('allgather', 'the receive buffer', recv, need, `${this.size} ranks × ${s.length}`);
      notOverlapping('allgather', s, recv);
      into = recv;
    } else {
      into = new (constructorOf(kindOf(s)!))(need) as T;
    }
    native.allgather(this.#id, s, into);
    return into;
  }

  /**
   * Deals the root's `send` (size × recv.length elements, read at the root only) out in rank
   * order: rank i receives the i-th slice into `recv` (same length everywhere). Returns `recv`.
   */
  scatter<T extends TypedArray>(send: T | null | undefined, recv: T, root = 0): T {
    const r = bufferArg('scatter', 'the receive buffer', recv);
    const rt = this.#rankArg('scatter', 'root', root);
    let from: TypedArray | null = null;
    if (rt === this.rank) {
      from = bufferArg('scatter', 'the send buffer at the root', send);
      sameKind('scatter', from, r);
      atLeast('scatter', 'the send buffer', from, this.size * r.length, `${this.size} ranks × ${r.length}`);
      notOverlapping('scatter', from, r);
    }
    native.scatter(this.#id, from, r, rt);
    return recv;
  }

  /** Ends every rank of the job at once (MPI_Abort) with exit code `code`. */
  abort(code = 1): never {
    return native.abort(this.#id, Number.isInteger(code) ? code : 1);
  }
}

export type { Comm };

/** Every rank of the job (MPI_COMM_WORLD). */
export const world: Comm = new Comm(0, native.rank, native.size);

/** Seconds since an arbitrary time in the past (MPI_Wtime), for timing. */
export function Wtime(): number {
  return native.wtime();
}

/** The resolution of `Wtime` in seconds (MPI_Wtick). */
export function Wtick(): number {
  return native.wtick();
}
