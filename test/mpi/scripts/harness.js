// Shared by the MPI test scripts, which run under `mpirun -np N node script.js`
// (test/mpi/mpi.test.ts). Each rank counts its checks and prints one line;
// a failed check prints the failure and aborts the whole job (MPI_Abort), so a
// rank left waiting for a message never hangs the test.
'use strict';
const mpi = require('tsnative/mpi');

let checks = 0;

function fail(message) {
  console.error(`rank ${mpi.world.rank}: FAIL ${message}`);
  mpi.world.abort(1);
}

function check(cond, message) {
  checks++;
  if (!cond) fail(message);
}

// Same value, telling -0 from 0 and NaN equal to NaN.
function same(actual, expected, what) {
  checks++;
  const a = Array.from(actual);
  const e = Array.from(expected);
  if (a.length !== e.length || a.some((x, i) => !Object.is(x, e[i])))
    fail(`${what}: got [${a.map(String).join(', ')}], expected [${e.map(String).join(', ')}]`);
}

function throws(fn, ErrorType, pattern, what) {
  checks++;
  try {
    fn();
  } catch (e) {
    if (!(e instanceof ErrorType)) fail(`${what}: threw ${e && e.name}: ${e && e.message}, expected a ${ErrorType.name}`);
    if (!pattern.test(e.message)) fail(`${what}: message ${JSON.stringify(e.message)} does not match ${pattern}`);
    return;
  }
  fail(`${what}: did not throw`);
}

function run(name, body) {
  try {
    body(mpi);
  } catch (e) {
    fail(`${name} threw ${e && e.stack}`);
  }
  mpi.world.barrier();
  console.log(`rank ${mpi.world.rank}/${mpi.world.size}: ${name} ok (${checks} checks)`);
}

module.exports = { check, same, throws, run };
