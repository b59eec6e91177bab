// The CPU back end: C++ with node-addon-api and OpenMP, built by node-gyp.
import { buildFlags } from '../../build/flags';
import type { Backend } from '../backend';
import { CPU_COSTS, parallelThreshold } from './costs';
import { emitModule } from './module';

export const cpuBackend: Backend = {
  target: 'cpu',
  costs: CPU_COSTS,
  parallelThreshold,
  emit: emitModule,
  recipe: (emitted, project) => ({ tool: 'node-gyp', flags: buildFlags(project, emitted.needs) }),
};
