// Golden IR: each input beside the IR the passes make of it. A first line
// `// after: PASS` stops there (the default: after every pass); the verifier
// runs after each pass on the way. `UPDATE_GOLDEN=1 npx jest test/golden`
// rewrites the .ir files; read their diff like code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { printModule } from '../../compiler/ir/print';
import { optimisedModule } from '../support/ir';

const dir = path.join(__dirname, 'ir');
const inputs = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort();

it('has inputs', () => expect(inputs.length).toBeGreaterThan(0));

describe.each(inputs)('%s', (name) => {
  it('prints the IR of its golden file', () => {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    const after = /^\/\/ after: (\S+)/.exec(text)?.[1];
    const printed = printModule(optimisedModule(text, after, path.join(dir, name)));
    const golden = path.join(dir, name.replace(/\.ts$/, '.ir'));
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden, printed);
    expect(printed).toBe(fs.readFileSync(golden, 'utf8'));
  });
});
