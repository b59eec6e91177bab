// The n-body benchmark (five planets, symplectic Euler), state in Float64Arrays:
// x, y, z, vx, vy, vz, mass for each body.
import type { f64, i32 } from 'tsnative';

const SOLAR_MASS = 39.47841760435743;

/** Advance the system by `steps` steps of size dt. @native */
export function advance(
  x: Float64Array,
  y: Float64Array,
  z: Float64Array,
  vx: Float64Array,
  vy: Float64Array,
  vz: Float64Array,
  mass: Float64Array,
  dt: f64,
  steps: i32,
): void {
  const n = x.length;
  for (let s = 0; s < steps; s++) {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = x[i] - x[j];
        const dy = y[i] - y[j];
        const dz = z[i] - z[j];
        const d2 = dx * dx + dy * dy + dz * dz;
        const mag = dt / (d2 * Math.sqrt(d2));
        vx[i] -= dx * mass[j] * mag;
        vy[i] -= dy * mass[j] * mag;
        vz[i] -= dz * mass[j] * mag;
        vx[j] += dx * mass[i] * mag;
        vy[j] += dy * mass[i] * mag;
        vz[j] += dz * mass[i] * mag;
      }
    }
    for (let i = 0; i < n; i++) {
      x[i] += dt * vx[i];
      y[i] += dt * vy[i];
      z[i] += dt * vz[i];
    }
  }
}

/** Total energy of the system. @native */
export function energy(
  x: Float64Array,
  y: Float64Array,
  z: Float64Array,
  vx: Float64Array,
  vy: Float64Array,
  vz: Float64Array,
  mass: Float64Array,
): f64 {
  let e = 0;
  const n = x.length;
  for (let i = 0; i < n; i++) {
    e += 0.5 * mass[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
    for (let j = i + 1; j < n; j++) {
      const dx = x[i] - x[j];
      const dy = y[i] - y[j];
      const dz = z[i] - z[j];
      e -= (mass[i] * mass[j]) / Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}

/** Offsets the sun's momentum so the system's total is zero. @native */
export function offsetMomentum(vx: Float64Array, vy: Float64Array, vz: Float64Array, mass: Float64Array): void {
  let px = 0;
  let py = 0;
  let pz = 0;
  for (let i = 0; i < mass.length; i++) {
    px += vx[i] * mass[i];
    py += vy[i] * mass[i];
    pz += vz[i] * mass[i];
  }
  vx[0] = -px / SOLAR_MASS;
  vy[0] = -py / SOLAR_MASS;
  vz[0] = -pz / SOLAR_MASS;
}
