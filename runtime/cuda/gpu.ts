// Whether launch may use a bound GPU launcher. The native side installs the
// answer (a device probe) when it loads; until then no GPU is usable. Asked
// once per process, as target probes are: a program must not switch targets
// under itself.
import { DEFAULT_LIMITS, type LaunchLimits } from './launch-config';

export type GpuAvailability = { usable: true; limits?: LaunchLimits } | { usable: false; why: string };

const NOT_LOADED: GpuAvailability = { usable: false, why: 'no GPU runtime is loaded' };

let probe: (() => boolean | GpuAvailability) | undefined;
let answer: GpuAvailability | undefined;

/** Internal: installs the GPU probe (undefined removes it); the next launch asks it. */
export function setGpuAvailability(fn: (() => boolean | GpuAvailability) | undefined): void {
  probe = fn;
  answer = undefined;
}

export function gpuAvailability(): GpuAvailability {
  if (answer === undefined) {
    if (!probe) answer = NOT_LOADED;
    else {
      try {
        const a = probe();
        answer = a === true ? { usable: true } : a === false ? { usable: false, why: 'no usable GPU was found' } : a;
      } catch (e) {
        answer = { usable: false, why: e instanceof Error ? e.message : String(e) };
      }
    }
  }
  return answer;
}

/** The limits a GPU launch is checked against: the device's when the probe gave them. */
export function gpuLimits(): LaunchLimits {
  const a = gpuAvailability();
  return (a.usable && a.limits) || DEFAULT_LIMITS;
}
