import fc from 'fast-check';
import { launch, type Dim } from '../../runtime/index';
import { blur, saxpy, strideVisit, vectorAdd, whoAmI } from './fixtures/cuda/basic';

const dimArb = (max: number): fc.Arbitrary<Dim> =>
  fc.oneof(
    fc.integer({ min: 1, max }),
    fc.tuple(fc.integer({ min: 1, max })),
    fc.tuple(fc.integer({ min: 1, max }), fc.integer({ min: 1, max: 3 })),
    fc.tuple(fc.integer({ min: 1, max }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 })),
  );

const dims = (d: Dim): [number, number, number] => {
  const a = typeof d === 'number' ? [d] : [...d];
  return [a[0], a[1] ?? 1, a[2] ?? 1];
};

describe('kernels without barriers', () => {
  it('vector add: every element once, whatever the launch shape covering it', () => {
    fc.assert(
      fc.property(fc.float64Array({ maxLength: 300 }), fc.integer({ min: 1, max: 64 }), (a, block) => {
        const b = a.map((v, i) => v * 0.5 + i);
        const out = new Float64Array(a.length).fill(-1);
        launch(vectorAdd, { grid: Math.max(1, Math.ceil(a.length / block)), block }, a, b, out);
        expect(out).toEqual(a.map((v, i) => v + b[i]));
      }),
    );
  });

  it('SAXPY on Float32Array stores a*x[i]+y[i] rounded to f32, and leaves the tail alone', () => {
    fc.assert(
      fc.property(fc.float32Array({ minLength: 1, maxLength: 200 }), fc.float({ noNaN: true }), (x, a) => {
        const y = x.map((v, i) => Math.fround(v / 3 + i));
        const expected = Float32Array.from(y, (v, i) => a * x[i] + v);
        const n = x.length - 1; // the last element is outside the grid's guard: it must not change
        const y2 = y.slice();
        launch(saxpy, { grid: Math.ceil(x.length / 32), block: 32 }, a, x.subarray(0, n), y2.subarray(0, n));
        expect(Array.from(y2.subarray(0, n))).toEqual(Array.from(expected.subarray(0, n)));
        expect(Object.is(y2[n], y[n])).toBe(true);
      }),
    );
  });

  it('a grid-stride loop visits each element exactly once, from the thread gridsize says', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 32 }), (n, grid, block) => {
        const visits = new Int32Array(n);
        const by = new Int32Array(n);
        launch(strideVisit, { grid, block }, visits, by);
        expect(visits.every((v) => v === 1)).toBe(true);
        expect(by.every((t, i) => t === i % (grid * block))).toBe(true);
      }),
    );
  });

  it('runs blocks and threads in linear order, x fastest, with the indices CUDA gives', () => {
    fc.assert(
      fc.property(dimArb(4), dimArb(5), (grid, block) => {
        const [gx, gy, gz] = dims(grid);
        const [bx, by, bz] = dims(block);
        const total = gx * gy * gz * bx * by * bz;
        const order = new Int32Array(total);
        const info = new Int32Array(total * 12);
        launch(whoAmI, { grid, block }, order, info, new Int32Array(1));
        let k = 0;
        for (let z = 0; z < gz; z++)
          for (let y = 0; y < gy; y++)
            for (let x = 0; x < gx; x++)
              for (let tz = 0; tz < bz; tz++)
                for (let ty = 0; ty < by; ty++)
                  for (let tx = 0; tx < bx; tx++) {
                    const id = x * bx + tx + gx * bx * (y * by + ty + gy * by * (z * bz + tz));
                    expect(order[id]).toBe(k++);
                    expect(Array.from(info.subarray(id * 12, id * 12 + 12))).toEqual([tx, ty, tz, x, y, z, bx, by, bz, gx, gy, gz]);
                  }
      }),
      { numRuns: 60 },
    );
  });

  it('a 2-D stencil with cuda.grid(2) and 2-D blocks matches the plain loops', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom<[number, number]>([4, 4], [8, 2], [1, 16], [3, 5]),
        (w, h, block) => {
          const src = Float64Array.from({ length: w * h }, (_, i) => Math.sin(i) * 10);
          const dst = new Float64Array(w * h);
          launch(blur, { grid: [Math.ceil(w / block[0]), Math.ceil(h / block[1])], block }, src, dst, w, h);
          const expected = new Float64Array(w * h);
          for (let y = 0; y < h; y++)
            for (let x = 0; x < w; x++) {
              let s = 0;
              let n = 0;
              for (let dy = -1; dy <= 1; dy++)
                for (let dx = -1; dx <= 1; dx++) {
                  const xx = x + dx;
                  const yy = y + dy;
                  if (xx >= 0 && xx < w && yy >= 0 && yy < h) {
                    s += src[yy * w + xx];
                    n++;
                  }
                }
              expected[y * w + x] = s / n;
            }
          expect(dst).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });
});
