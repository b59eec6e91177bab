// The Sun and the four giant planets (positions in AU, velocities in AU per
// day scaled to per year, masses in solar masses × 4π²), one array per field.
const DAYS_PER_YEAR = 365.24;
const SOLAR_MASS = 4 * Math.PI * Math.PI;
const BODIES = [
  [0, 0, 0, 0, 0, 0, 1],
  [
    4.8414314424647209, -1.16032004402742839, -1.03622044471123109e-1, 1.66007664274403694e-3, 7.69901118419740425e-3,
    -6.90460016972063023e-5, 9.54791938424326609e-4,
  ],
  [
    8.34336671824457987, 4.12479856412430479, -4.03523417114321381e-1, -2.76742510726862411e-3, 4.99852801234917238e-3,
    2.30417297573763929e-5, 2.85885980666130812e-4,
  ],
  [
    1.2894369562139131e1, -1.51111514016986312e1, -2.23307578892655734e-1, 2.96460137564761618e-3, 2.3784717395948095e-3,
    -2.96589568540237556e-5, 4.36624404335156298e-5,
  ],
  [
    1.53796971148509165e1, -2.59193146099879641e1, 1.79258772950371181e-1, 2.68067772490389322e-3, 1.62824170038242295e-3,
    -9.5159225451971587e-5, 5.15138902046611451e-5,
  ],
];

export type State = [x: Float64Array, y: Float64Array, z: Float64Array, vx: Float64Array, vy: Float64Array, vz: Float64Array];

/** Positions and velocities (x, y, z, vx, vy, vz), and the masses. */
export function solarSystem(): { state: State; mass: Float64Array } {
  const col = (k: number, scale: number) => Float64Array.from(BODIES, (b) => b[k]! * scale);
  const state: State = [col(0, 1), col(1, 1), col(2, 1), col(3, DAYS_PER_YEAR), col(4, DAYS_PER_YEAR), col(5, DAYS_PER_YEAR)];
  return { state, mass: col(6, SOLAR_MASS) };
}
