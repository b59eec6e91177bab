// What must happen before the first generated addon loads (and with it
// libgomp, which reads its settings from the environment once, then): the
// runtime addon loads, publishing the process-wide state the addon attaches
// to and choosing the OpenMP wait policy (native/runtime/runtime.cc says
// why: idle threads sleep after a short spin). Without the runtime addon
// (installed without a C++ toolchain) the same policy is set from JS.
import { runtimeAddon } from './runtime-addon';

const SPIN_COUNT = '3000';

export function prepareForAddons(): void {
  if (!runtimeAddon()) preferPassiveWait();
}

/** The fallback: OMP_WAIT_POLICY=PASSIVE, GOMP_SPINCOUNT=3000, unless the user set either. */
export function preferPassiveWait(): void {
  if (process.env.OMP_WAIT_POLICY !== undefined || process.env.GOMP_SPINCOUNT !== undefined) return;
  process.env.OMP_WAIT_POLICY = 'PASSIVE';
  process.env.GOMP_SPINCOUNT = SPIN_COUNT;
}
