// The Sun and the four giant planets (positions in AU, velocities in AU per
// day scaled to per year, masses in solar masses × 4π²), one array per field.
const DAYS_PER_YEAR = 365.24;
const SOLAR_MASS = 4 * Math.PI * Math.PI;
const BODIES = [
  [0, 0, 0, 0, 0, 0, 1],
  [4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01, 1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04],
  [8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01, -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04],
  [1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01, 2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05, 4.36624404335156298e-05],
  [1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01, 2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05, 5.15138902046611451e-05],
];

export type State = [x: Float64Array, y: Float64Array, z: Float64Array, vx: Float64Array, vy: Float64Array, vz: Float64Array];

/** Positions and velocities (x, y, z, vx, vy, vz), and the masses. */
export function solarSystem(): { state: State; mass: Float64Array } {
  const col = (k: number, scale: number) => Float64Array.from(BODIES, (b) => b[k]! * scale);
  const state: State = [col(0, 1), col(1, 1), col(2, 1), col(3, DAYS_PER_YEAR), col(4, DAYS_PER_YEAR), col(5, DAYS_PER_YEAR)];
  return { state, mass: col(6, SOLAR_MASS) };
}
