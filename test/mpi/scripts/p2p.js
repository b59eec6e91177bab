// Point to point: send/recv with tags, ANY_SOURCE/ANY_TAG and the status, every
// typed-array kind, views at an offset and SharedArrayBuffer memory (in place),
// and bad input (a buffer too small, a rank or tag out of range, not a typed array).
'use strict';
const { check, same, throws, run } = require('./harness');

const KINDS = [
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
];

function sample(Kind, n, seed) {
  const a = new Kind(n);
  for (let i = 0; i < n; i++) {
    const v = (seed * 31 + i * 7) % 100;
    a[i] =
      Kind === BigInt64Array ? BigInt(-v) : Kind === BigUint64Array ? BigInt(v) * 2n ** 40n : Kind.name.startsWith('Float') ? v / 8 - 3 : v;
  }
  return a;
}

run('p2p', ({ world, ANY_SOURCE, ANY_TAG, TAG_UB, Wtime, Wtick }) => {
  const { rank, size } = world;
  check(Number.isInteger(rank) && rank >= 0 && rank < size, `rank ${rank} of ${size}`);
  check(typeof ANY_SOURCE === 'number' && typeof ANY_TAG === 'number' && TAG_UB >= 32767, 'constants');
  const t0 = Wtime();
  check(typeof t0 === 'number' && Wtick() > 0, 'Wtime/Wtick');

  // Every kind, rank 0 -> each other rank and back.
  for (const Kind of KINDS) {
    if (rank === 0) {
      for (let r = 1; r < size; r++) {
        world.send(sample(Kind, 5, r), r, 7);
        const back = new Kind(5);
        const st = world.recv(back, r, 8);
        same(back, sample(Kind, 5, r + 100), `${Kind.name} echo from ${r}`);
        check(st.source === r && st.tag === 8 && st.count === 5, `${Kind.name} status ${JSON.stringify(st)}`);
      }
    } else {
      const got = new Kind(5);
      const st = world.recv(got, 0, 7);
      same(got, sample(Kind, 5, rank), `${Kind.name} from 0`);
      check(st.source === 0 && st.tag === 7 && st.count === 5, `${Kind.name} status`);
      world.send(sample(Kind, 5, rank + 100), 0, 8);
    }
  }

  // ANY_SOURCE / ANY_TAG: rank 0 hears from everyone, each with its own tag; a shorter message gives a smaller count.
  if (rank === 0) {
    const seen = new Set();
    for (let i = 1; i < size; i++) {
      const buf = new Float64Array(10);
      const st = world.recv(buf, ANY_SOURCE, ANY_TAG);
      check(st.tag === 40 + st.source && st.count === st.source, `any status ${JSON.stringify(st)}`);
      same(buf.subarray(0, st.count), new Float64Array(st.source).fill(-0), 'any payload');
      seen.add(st.source);
    }
    check(seen.size === size - 1, 'heard from every rank');
  } else {
    world.send(new Float64Array(rank).fill(-0), 0, 40 + rank);
  }
  world.barrier(); // no later message may reach rank 0's ANY_TAG receives above

  // In place: a view at an offset, and SharedArrayBuffer memory, receive straight into their memory.
  if (rank === 1) {
    world.send(new Int32Array([1, 2, 3]), 0, 1);
    world.send(new Float64Array([NaN, Infinity, -Infinity, -0]), 0, 2);
  } else if (rank === 0) {
    const backing = new Int32Array(8);
    const view = backing.subarray(2, 5);
    world.recv(view, 1, 1);
    same(backing, [0, 0, 1, 2, 3, 0, 0, 0], 'received into a view at an offset');
    const shared = new Float64Array(new SharedArrayBuffer(32));
    world.recv(shared, 1, 2);
    same(shared, [NaN, Infinity, -Infinity, -0], 'received into SharedArrayBuffer memory');
  }

  // Tags keep messages apart: received in the other order than sent.
  if (rank === 1) {
    world.send(new Uint8Array([1]), 0, 11);
    world.send(new Uint8Array([2]), 0, 12);
  } else if (rank === 0) {
    const b = new Uint8Array(1);
    world.recv(b, 1, 12);
    check(b[0] === 2, 'tag 12 first');
    world.recv(b, 1, 11);
    check(b[0] === 1, 'tag 11 second');
  }

  // A receive buffer too small: a RangeError with both sizes, and the next message still arrives.
  if (rank === 1) {
    world.send(new Float64Array(6), 0, 5);
    world.send(new Float64Array([42]), 0, 6);
  } else if (rank === 0) {
    throws(() => world.recv(new Float64Array(4), 1, 5), RangeError, /has 6 elements .*holds 4/, 'recv too small');
    const b = new Float64Array(1);
    world.recv(b, 1, 6);
    check(b[0] === 42, 'next message after a too-small receive');
  }

  // Bad arguments are errors before anything is sent.
  throws(
    () => world.send(new Int32Array(1), size, 0),
    RangeError,
    new RegExp(`destination rank ${size} is out of range.*0 to ${size - 1}`),
    'dest = size',
  );
  throws(() => world.send(new Int32Array(1), -1, 0), RangeError, /out of range/, 'dest = -1');
  throws(() => world.send(new Int32Array(1), 0.5, 0), RangeError, /out of range/, 'dest = 0.5');
  throws(() => world.recv(new Int32Array(1), size + 3), RangeError, /source rank .* out of range/, 'source out of range');
  throws(() => world.send(new Int32Array(1), 0, -5), RangeError, /tag -5 is out of range/, 'negative tag');
  throws(() => world.send(new Int32Array(1), 0, TAG_UB + 1), RangeError, /out of range/, 'tag above TAG_UB');
  throws(() => world.send([1, 2], 0, 0), TypeError, /must be a typed array, not an array/, 'plain array');
  throws(() => world.send(new DataView(new ArrayBuffer(8)), 0, 0), TypeError, /typed array/, 'DataView');
  check(Wtime() >= t0, 'Wtime increases');
});
