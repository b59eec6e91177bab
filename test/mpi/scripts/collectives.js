// Collectives: barrier, bcast (exact values: -0, NaN, Infinity), reduce and
// allreduce with every operation (in place and into another buffer), gather,
// allgather and scatter, and bad input (root out of range, float bitwise ops,
// kinds that differ, buffers too small).
'use strict';
const { check, same, throws, run } = require('./harness');

run('collectives', ({ world }) => {
  const { rank, size } = world;
  const ranks = Array.from({ length: size }, (_, r) => r);
  world.barrier();

  // bcast from every root, in place, values exact.
  for (let root = 0; root < size; root++) {
    const special = [-0, NaN, Infinity, -Infinity, 5e-324, root];
    const b = rank === root ? new Float64Array(special) : new Float64Array(6).fill(7);
    check(world.bcast(b, root) === b, 'bcast returns its buffer');
    same(b, special, `bcast from ${root}`);
  }
  const big = new BigInt64Array([rank === 1 ? -(2n ** 63n) : 0n]);
  world.bcast(big, 1);
  check(big[0] === -(2n ** 63n), 'bcast BigInt64');

  // allreduce, in place and into another buffer, every op on integers.
  const v = () => new Int32Array([rank + 1, rank % 2, -rank, 0b1010 | (1 << rank)]);
  const expect = (f, init) =>
    Int32Array.from(ranks.map((r) => [r + 1, r % 2, -r, 0b1010 | (1 << r)]).reduce((acc, x) => acc.map((a, i) => f(a, x[i])), init));
  const cases = {
    sum: [(a, b) => a + b, [0, 0, 0, 0]],
    prod: [(a, b) => a * b, [1, 1, 1, 1]],
    min: [Math.min, [Infinity, Infinity, Infinity, Infinity]],
    max: [Math.max, [-Infinity, -Infinity, -Infinity, -Infinity]],
    land: [(a, b) => (a && b ? 1 : 0), [1, 1, 1, 1]],
    lor: [(a, b) => (a || b ? 1 : 0), [0, 0, 0, 0]],
    band: [(a, b) => a & b, [-1, -1, -1, -1]],
    bor: [(a, b) => a | b, [0, 0, 0, 0]],
    bxor: [(a, b) => a ^ b, [0, 0, 0, 0]],
  };
  for (const [op, [f, init]] of Object.entries(cases)) {
    const mine = v();
    check(world.allreduce(mine, op) === mine, `allreduce ${op} returns its buffer`);
    same(mine, expect(f, init), `allreduce ${op} in place`);
    const src = v();
    const out = new Int32Array(4);
    world.allreduce(src, op, out);
    same(out, expect(f, init), `allreduce ${op} into out`);
    same(src, v(), `allreduce ${op} leaves the send buffer`);
  }
  // Floats: sum (exact here), min/max with -0 kept, unsigned and BigInt kinds.
  const fsum = world.allreduce(new Float64Array([rank + 0.5, -rank]), 'sum');
  same(fsum, [ranks.reduce((a, r) => a + r + 0.5, 0), -ranks.reduce((a, r) => a + r, 0)], 'float sum');
  same(world.allreduce(new Float32Array([rank === 0 ? -1.5 : rank]), 'min'), [-1.5], 'float32 min');
  same(world.allreduce(new Uint8Array([200 + rank]), 'max'), [200 + size - 1], 'uint8 max');
  same(world.allreduce(new BigUint64Array([2n ** 60n]), 'sum'), [BigInt(size) * 2n ** 60n], 'biguint64 sum');

  // reduce at each root: in place at the root, others' buffers unchanged.
  for (let root = 0; root < size; root++) {
    const b = new Float64Array([rank, 1]);
    const res = world.reduce(b, 'sum', root);
    if (rank === root) {
      check(res === b, 'reduce returns the root buffer');
      same(b, [ranks.reduce((a, r) => a + r, 0), size], `reduce at ${root}`);
    } else {
      check(res === undefined, 'reduce returns undefined off the root');
      same(b, [rank, 1], 'reduce leaves non-root buffers');
    }
    const out = new Int16Array(1);
    const r2 = world.reduce(new Int16Array([rank + 2]), 'prod', root, out);
    if (rank === root) {
      check(r2 === out, 'reduce into out returns out');
      same(out, [ranks.reduce((a, r) => a * (r + 2), 1)], 'reduce prod into out');
    }
  }

  // gather / allgather / scatter.
  for (let root = 0; root < size; root++) {
    const g = world.gather(new Float64Array([rank, -0]), root);
    if (rank === root)
      same(
        g,
        ranks.flatMap((r) => [r, -0]),
        `gather at ${root}`,
      );
    else check(g === undefined, 'gather returns undefined off the root');
  }
  const into = new Int32Array(size * 2 + 1).fill(-9);
  const g2 = world.gather(new Int32Array([rank, rank * 10]), 0, into);
  if (rank === 0) {
    check(g2 === into, 'gather into a given buffer');
    same(into, [...ranks.flatMap((r) => [r, r * 10]), -9], 'gather into a larger buffer');
  }
  same(
    world.allgather(new Float64Array([rank === 0 ? NaN : Infinity * (rank % 2 ? -1 : 1)])),
    ranks.map((r) => (r === 0 ? NaN : r % 2 ? -Infinity : Infinity)),
    'allgather',
  );
  const ag = new Uint16Array(size);
  check(world.allgather(new Uint16Array([rank + 1000]), ag) === ag, 'allgather into a given buffer');
  same(
    ag,
    ranks.map((r) => r + 1000),
    'allgather values',
  );
  for (let root = 0; root < size; root++) {
    const send = rank === root ? Float64Array.from({ length: size * 2 }, (_, i) => i / 4) : null;
    const recv = new Float64Array(2);
    check(world.scatter(send, recv, root) === recv, 'scatter returns recv');
    same(recv, [rank / 2, rank / 2 + 0.25], `scatter from ${root}`);
  }

  // Bad input: errors raised on every rank before any rank enters MPI, so nothing hangs.
  throws(
    () => world.bcast(new Int32Array(1), size),
    RangeError,
    new RegExp(`root ${size} is out of range.*0 to ${size - 1}`),
    'bcast root = size',
  );
  throws(() => world.reduce(new Int32Array(1), 'sum', -1), RangeError, /root -1 is out of range/, 'reduce root = -1');
  throws(() => world.gather(new Int32Array(1), size + 1), RangeError, /out of range/, 'gather root');
  throws(() => world.scatter(null, new Int32Array(1), 1.5), RangeError, /out of range/, 'scatter root');
  for (const op of ['band', 'bor', 'bxor', 'land', 'lor'])
    throws(
      () => world.allreduce(new Float64Array(1), op),
      TypeError,
      new RegExp(`'${op}' works on integer arrays only, not on Float64Array`),
      `${op} on floats`,
    );
  throws(() => world.reduce(new Float32Array(1), 'bxor'), TypeError, /not on Float32Array/, 'reduce bxor on float32');
  throws(() => world.allreduce(new Int32Array(1), 'avg'), TypeError, /unknown operation "avg"/, 'unknown op');
  throws(
    () => world.allreduce(new Int32Array(2), 'sum', new Float64Array(2)),
    TypeError,
    /kinds differ \(Int32Array and Float64Array\)/,
    'kinds differ',
  );
  throws(
    () => world.allreduce(new Int32Array(3), 'sum', new Int32Array(2)),
    RangeError,
    /holds 2 elements but 3 are needed/,
    'out too small',
  );
  const mem = new Int32Array(4);
  throws(() => world.allreduce(mem.subarray(0, 2), 'sum', mem.subarray(1, 3)), TypeError, /overlap/, 'overlapping buffers');
  throws(
    () => world.allgather(new Int32Array(2), new Int32Array(2 * size - 1)),
    RangeError,
    new RegExp(`holds ${2 * size - 1} elements but ${2 * size} are needed`),
    'allgather too small',
  );
  if (rank === 0) {
    throws(
      () => world.gather(new Int8Array(3), 0, new Int8Array(2)),
      RangeError,
      new RegExp(`holds 2 elements but ${3 * size} are needed`),
      'gather recv too small',
    );
    throws(
      () => world.scatter(new Int8Array(1), new Int8Array(1), 0),
      RangeError,
      /send buffer holds 1 elements/,
      'scatter send too small',
    );
    throws(
      () => world.scatter(undefined, new Int8Array(1), 0),
      TypeError,
      /send buffer at the root must be a typed array/,
      'scatter without send',
    );
  }
  world.barrier();
});
