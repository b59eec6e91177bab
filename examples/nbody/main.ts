// Sun, Jupiter, Saturn, Uranus, Neptune; prints the energy before and after.
import { advance, energy, offsetMomentum } from './nbody';
import { solarSystem, type State } from './planets';
import { report, timeIt } from '../timing';

const { state, mass } = solarSystem();
const steps = Number(process.env.STEPS ?? 200_000);

offsetMomentum(state[3], state[4], state[5], mass);
const before = energy(...state, mass);
// Each timed run advances a fresh copy, so every run does the same work.
const copy = () => state.map((a) => a.slice()) as State;
report('nbody', [
  timeIt('advance', advance, () => {
    const s = copy();
    advance(...s, mass, 0.01, steps);
    return energy(...s, mass);
  }),
  { name: 'energy before', native: true, ms: 0, result: before },
]);
