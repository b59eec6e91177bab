// `node -r tsnative/register`.
import { installHooks } from './install';

installHooks();
