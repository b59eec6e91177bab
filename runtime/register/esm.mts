// `node --import tsnative/register`.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
(require('./install.js') as typeof import('./install.js')).installHooks();
