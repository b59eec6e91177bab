// The spectral norm of the n×n corner of A (N, default 1000); tends to 1.2742241….
import { spectralNorm } from './spectral-norm';
import { report, timeIt } from '../timing';

const n = Number(process.env.N ?? 1000);

report('spectral-norm', [timeIt('spectralNorm', spectralNorm, () => spectralNorm(n, 10))]);
