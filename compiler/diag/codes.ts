// Every diagnostic the compiler can give, in one table: a stable code, the
// message template and the hint that tells the user what to write instead.
// `{0}`, `{1}` in a message or hint are filled from the diagnostic's args.

export interface DiagnosticInfo {
  message: string;
  hint: string;
}

export const DIAGNOSTICS = {
  TSN1001: { message: 'unknown option `{0}` after @{1}', hint: 'known options: fastmath, noboundscheck, overflowcheck' },
  TSN1002: {
    message: '@native needs a function declaration with a body',
    hint: 'write `function name(...) { ... }`; arrow functions, methods and overloads are not compiled',
  },
  TSN1003: {
    message: 'a generator or async function cannot be compiled',
    hint: 'make it a plain function; use offload() to run native code off the event loop',
  },
  TSN1101: {
    message: 'parameter `{0}` has no supported type',
    hint: 'declare it as a number alias (f64, i32, u32, …), boolean or a typed array (Float64Array, Int32Array, …)',
  },
  TSN1102: {
    message: 'type `{0}` is not supported in compiled code',
    hint: 'use number, f64, f32, i32, u32, i16, u16, i8, u8, boolean, or a typed array',
  },
  TSN1103: { message: 'the return type `{0}` is not supported', hint: 'return a number alias, a boolean, or nothing (void)' },
  TSN1104: { message: 'optional, default and rest parameters are not supported', hint: 'pass every argument explicitly' },
  TSN1105: { message: 'destructuring is not supported', hint: 'declare one variable per statement: `const x = a[0];`' },
  TSN1106: { message: 'variable `{0}` needs a type or an initializer', hint: 'write `let {0}: f64 = 0;` or `let {0} = 0;`' },
  TSN1107: { message: '`{0}` here is not {1}', hint: '{2}' },
  TSN1201: { message: '{0} is not supported in compiled code', hint: '{1}' },
  TSN1202: {
    message: '`{0}` is not defined in compiled code',
    hint: 'compiled code sees its parameters, its locals, module-level numeric constants and other @native functions',
  },
  TSN1203: {
    message: 'call to `{0}`, which is not an @native function',
    hint: 'mark `{0}` with /** @native */ too, or move the call out of the compiled function',
  },
  TSN1204: { message: '`{0}` is not supported', hint: '{1}' },
  TSN1205: { message: '`{0}` expects {1} argument(s), got {2}', hint: 'pass exactly the parameters the function declares' },
  TSN1206: {
    message: 'strings are not supported in compiled code',
    hint: 'compiled functions work on numbers, booleans and typed arrays; keep string handling in the JS around them',
  },
  TSN1207: { message: 'closures are not supported in compiled code', hint: 'write a separate @native function and call it' },
  TSN1208: {
    message: 'objects and arrays are not supported in compiled code',
    hint: 'pass typed arrays (Float64Array, Int32Array, …) instead',
  },
  TSN1209: {
    message: '`Math.random` cannot be compiled: its results could never match V8',
    hint: 'pass random numbers in, or write a generator (e.g. xorshift32 in u32 arithmetic)',
  },
  TSN1210: {
    message: 'a compiled function cannot use {0}',
    hint: 'compiled code sees its parameters, its locals and other @native functions',
  },
  TSN1301: {
    message: 'storing a value that may have a fraction into `{0}` ({1})',
    hint: 'the slot holds only integers: write `Math.trunc(x)` or `x | 0`',
  },
  TSN1302: { message: 'type mismatch: expected {0}, got {1}', hint: '{2}' },
  TSN1303: {
    message: 'an index must be an integer',
    hint: 'index with an integer-valued expression (an i32 or a loop counter), or write `Math.trunc(x)`',
  },
  TSN1304: { message: 'cannot assign to `{0}`', hint: '{1}' },
  TSN1306: { message: 'storing a value that is not an f32 into `{0}`', hint: 'write `Math.fround(x)`' },
  TSN1401: {
    message: 'a prange loop cannot {0} `{1}`, which is declared outside the loop',
    hint: 'update it in place as a reduction (`{1} += …`, `-=`, `*=`, `|=`, `&=`, `^=`, `++`, or `{1} = Math.min({1}, …)` / `Math.max`), or declare it inside the loop',
  },
  TSN1402: {
    message: '{0} cannot leave a prange loop early',
    hint: 'prange iterations run in parallel; use `continue` to skip an iteration, or a plain `for` loop',
  },
  TSN1403: {
    message: '`{0}` is a reduction of this prange loop and cannot be read inside it',
    hint: 'each thread holds a partial value; read it after the loop',
  },
  TSN1404: {
    message: '`{0}` is reduced with two operators ({1} and {2}) in one prange loop',
    hint: 'use one reduction operator per variable',
  },
  TSN1405: {
    message: 'a prange loop cannot allocate typed arrays ({0})',
    hint: 'allocate before the loop and write into the array inside it',
  },
  TSN1406: {
    message: 'prange takes 1 to 3 integer arguments: prange(n) or prange(lo, hi, step)',
    hint: 'pass integer bounds, e.g. `prange(xs.length)`',
  },
  TSN1501: { message: '`{0}` exists only in a @kernel function', hint: '{1}' },
  TSN1502: {
    message: 'a kernel returns nothing',
    hint: 'declare it `: void` and write its results into an array argument',
  },
  TSN1503: {
    message: 'a kernel cannot {0}',
    hint: '{1}',
  },
  TSN1504: {
    message: '`{0}` is not part of the kernel language',
    hint: 'kernels have cuda.threadIdx/blockIdx/blockDim/gridDim (.x .y .z), cuda.grid(1|2), cuda.gridsize(1|2), cuda.syncthreads(), cuda.shared.array and cuda.atomic.add/sub/min/max/exch/cas',
  },
  TSN1505: {
    message: '`{0}` needs a typed-array kind and a size known before the kernel runs',
    hint: 'write `const s = cuda.shared.array(Float32Array, 256)`: the size a positive integer from literals and module-level consts (`TILE * TILE`)',
  },
  TSN1506: {
    message: '{0} works on {1}',
    hint: 'keep the values that threads update together in an array of one of those kinds',
  },
  TSN1507: {
    message: 'cuda.syncthreads() is a statement of its own',
    hint: 'write `cuda.syncthreads();` on its own line, not inside an expression',
  },
  TSN1508: {
    message: '`{0}` is a kernel: it is launched, not called',
    hint: 'run it with `launch({0}, { grid, block }, ...args)` from JavaScript, or mark the shared code `/** @native */` and call that',
  },
  TSN1510: {
    message: '`{0}(2)` gives two values: destructure them',
    hint: 'write `const [x, y] = {0}(2);` (or `{0}(1)` for one dimension)',
  },
  TSN9001: {
    message: 'internal compiler error: {0}',
    hint: 'this is a bug in tsnative, not in your code; please report it with the function that triggered it',
  },
} as const satisfies Record<string, DiagnosticInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTICS;
