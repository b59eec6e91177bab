// native/tsnative/core is the portable part of the C++ every back end shares:
// it must compile without Node's headers, and as device code under nvcc
// (no exceptions there: a fault is recorded and the thread ends).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const NATIVE = path.resolve(__dirname, '../../native');
let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsn-core-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const HOST = `#include <tsnative/core/checks.h>
#include <tsnative/core/numbers.h>
#include <cstdio>
int main() {
  bool o = false;
  const int64_t p = tsn::mul53(1LL << 30, 1LL << 30, o);
  std::printf("%d %d %d %d %lld\\n", tsn::to_i32(4294967297.5), tsn::clz32(0), (int)tsn::js_round(-0.5), (int)o, (long long)p);
  try {
    tsn::checked_store<int8_t>(300.0, "i8", "f", "m.ts", 7);
  } catch (const tsn::Fault& f) {
    std::printf("%d %s %s %d %g\\n", (int)f.code, f.fn, f.text, f.line, f.d);
  }
}
`;

it('compiles and runs on the host without Node headers, faults as data', () => {
  fs.writeFileSync(path.join(dir, 'host.cc'), HOST);
  const exe = path.join(dir, 'host');
  const cc = spawnSync('g++', ['-std=c++17', '-O2', '-ffp-contract=off', '-I', NATIVE, path.join(dir, 'host.cc'), '-o', exe], {
    encoding: 'utf8',
  });
  expect(cc.stderr).toBe('');
  expect(cc.status).toBe(0);
  const run = spawnSync(exe, { encoding: 'utf8' });
  // ToInt32(4294967297.5) is 1; clz32(0) is 32; Math.round(-0.5) is -0; 2^60 stays exact in int64 but leaves ±2^53.
  expect(run.stdout.split('\n')).toEqual(['1 32 0 1 1152921504606846976', '1 f i8 7 300', '']);
});

const DEVICE = `#include <tsnative/core/checks.h>
#include <tsnative/core/numbers.h>
__global__ void k(const double* x, int32_t* out, int64_t n) {
  const int64_t i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) tsn::raise(tsn::Fault{tsn::FaultCode::OutOfBounds, tsn::ErrorKind::RangeError, 3, "k", "m.ts", "", i, n, 0.0});
  bool o = false;
  const int64_t j = tsn::add53(tsn::mul53(i, 3, o), 1, o);
  out[i] = tsn::to_i32(x[i]) + tsn::clz32(static_cast<uint32_t>(j)) + tsn::checked_store<int16_t>(x[i], "i16", "k", "m.ts", 4) + (o ? 1 : 0);
}
`;

it('compiles as device code with nvcc', () => {
  fs.writeFileSync(path.join(dir, 'device.cu'), DEVICE);
  const cc = spawnSync(
    'nvcc',
    ['-std=c++17', '--fmad=false', '-I', NATIVE, '-c', path.join(dir, 'device.cu'), '-o', path.join(dir, 'device.o')],
    { encoding: 'utf8' },
  );
  expect(`${cc.error?.message ?? ''}${cc.stderr}`).toBe('');
  expect(cc.status).toBe(0);
});
