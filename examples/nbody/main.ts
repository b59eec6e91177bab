// Sun, Jupiter, Saturn, Uranus, Neptune; prints the energy before and after.
import { advance, energy, offsetMomentum } from './nbody';
import { report, timeIt } from '../timing';

const DAYS_PER_YEAR = 365.24;
const SOLAR_MASS = 4 * Math.PI * Math.PI;
const bodies = [
  [0, 0, 0, 0, 0, 0, SOLAR_MASS],
  [4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01, 1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04],
  [8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01, -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04],
  [1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01, 2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05, 4.36624404335156298e-05],
  [1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01, 2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05, 5.15138902046611451e-05],
];
const col = (k: number, scale: number) => Float64Array.from(bodies, (b) => b[k]! * scale);
const [x, y, z] = [col(0, 1), col(1, 1), col(2, 1)];
const [vx, vy, vz] = [col(3, DAYS_PER_YEAR), col(4, DAYS_PER_YEAR), col(5, DAYS_PER_YEAR)];
const mass = col(6, 1);
const steps = Number(process.env.STEPS ?? 200_000);

offsetMomentum(vx, vy, vz, mass);
const before = energy(x, y, z, vx, vy, vz, mass);
// Each timed run advances a fresh copy, so every run does the same work.
const state = () => [x, y, z, vx, vy, vz].map((a) => a.slice()) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
report('nbody', [
  timeIt('advance', advance, () => {
    const s = state();
    advance(...s, mass, 0.01, steps);
    return energy(...s, mass);
  }),
  { name: 'energy before', native: true, ms: 0, result: before },
]);
