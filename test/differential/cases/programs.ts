// Programs users write, compiled unchanged and compared with JS.
import type { f64, i32, u32 } from 'tsnative';

const FNV_OFFSET: u32 = 2166136261;
const FNV_PRIME = 16777619;

/** FNV-1a over bytes. @native */
export function fnv1a(bytes: Uint8Array): u32 {
  let h = FNV_OFFSET;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  return h;
}

/** CRC-32 (IEEE), table built on the fly. @native */
export function crc32(bytes: Uint8Array): u32 {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** xorshift32 stream: fills `out` with floats in [0, 1). @native */
export function xorshift(seed: u32, out: Float64Array): u32 {
  let x: u32 = seed === 0 ? 2463534242 : seed;
  for (let i = 0; i < out.length; i++) {
    // `>>> 0` keeps x a u32 in JS too (`^` yields an i32).
    x = (x ^ (x << 13)) >>> 0;
    x = (x ^ (x >>> 17)) >>> 0;
    x = (x ^ (x << 5)) >>> 0;
    out[i] = x / 4294967296;
  }
  return x;
}

/** @native */
function evalA(i: i32, j: i32): f64 {
  return 1 / (((i + j) * (i + j + 1)) / 2 + i + 1);
}

/** @native */
function timesAtv(v: Float64Array, out: Float64Array, tmp: Float64Array): void {
  const n = v.length;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += evalA(i, j) * v[j];
    tmp[i] = s;
  }
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += evalA(j, i) * tmp[j];
    out[i] = s;
  }
}

/** The spectral norm benchmark. @native */
export function spectralNorm(n: i32): f64 {
  const u = new Float64Array(n).fill(1);
  const v = new Float64Array(n);
  const tmp = new Float64Array(n);
  for (let k = 0; k < 10; k++) {
    timesAtv(u, v, tmp);
    timesAtv(v, u, tmp);
  }
  let vBv = 0;
  let vv = 0;
  for (let i = 0; i < n; i++) {
    vBv += u[i] * v[i];
    vv += v[i] * v[i];
  }
  return Math.sqrt(vBv / vv);
}

/** In-place LU decomposition with partial pivoting of an n×n row-major matrix; returns the determinant. @native */
export function luDeterminant(a: Float64Array, n: i32, piv: Int32Array): f64 {
  let det = 1;
  for (let i = 0; i < n; i++) piv[i] = i;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(a[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (best === 0) return 0;
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = a[k * n + j];
        a[k * n + j] = a[p * n + j];
        a[p * n + j] = t;
      }
      const t = piv[k];
      piv[k] = piv[p];
      piv[p] = t;
      det = -det;
    }
    const pivot = a[k * n + k];
    det *= pivot;
    for (let i = k + 1; i < n; i++) {
      const f = a[i * n + k] / pivot;
      a[i * n + k] = f;
      for (let j = k + 1; j < n; j++) a[i * n + j] -= f * a[k * n + j];
    }
  }
  return det;
}

/** Insertion sort, in place. @native */
export function insertionSort(xs: Float64Array): void {
  for (let i = 1; i < xs.length; i++) {
    const v = xs[i];
    let j = i - 1;
    while (j >= 0 && xs[j] > v) {
      xs[j + 1] = xs[j];
      j--;
    }
    xs[j + 1] = v;
  }
}

/** Longest common subsequence length (dynamic programming, two rows). @native */
export function lcs(a: Int32Array, b: Int32Array): i32 {
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length];
}
