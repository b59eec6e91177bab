// Whether launch may use a bound GPU launcher. The native side installs the
// answer (a device probe) when it loads; until then no GPU is usable. Asked
// once per process, as target probes are: a program must not switch targets
// under itself.
import { DEFAULT_LIMITS, type LaunchLimits } from './launch-config';
import { processState } from './process-state';

export type GpuAvailability = { usable: true; limits?: LaunchLimits; device?: string } | { usable: false; why: string };

const NOT_LOADED: GpuAvailability = { usable: false, why: 'no GPU runtime is loaded' };

const state = processState('gpu', () => ({
  probe: undefined as (() => boolean | GpuAvailability) | undefined,
  answer: undefined as GpuAvailability | undefined,
}));

/** Internal: installs the GPU probe (undefined removes it); the next launch asks it. */
export function setGpuAvailability(fn: (() => boolean | GpuAvailability) | undefined): void {
  state.probe = fn;
  state.answer = undefined;
}

export function gpuAvailability(): GpuAvailability {
  if (state.answer === undefined) {
    const probe = state.probe;
    if (!probe) state.answer = NOT_LOADED;
    else {
      try {
        const a = probe();
        state.answer = a === true ? { usable: true } : a === false ? { usable: false, why: 'no usable GPU was found' } : a;
      } catch (e) {
        state.answer = { usable: false, why: e instanceof Error ? e.message : String(e) };
      }
    }
  }
  return state.answer;
}

/** The limits a GPU launch is checked against: the device's when the probe gave them. */
export function gpuLimits(): LaunchLimits {
  const a = gpuAvailability();
  return (a.usable && a.limits) || DEFAULT_LIMITS;
}
