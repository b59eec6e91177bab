import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addonHash, headersDigest, type HashInputs } from '../../compiler/build/content-hash';
import { buildFlags } from '../../compiler/build/flags';

const base = (): HashInputs => ({
  cpp: 'int x;\n',
  flags: buildFlags({ cflags: [] }, []),
  headers: 'h1',
  node: '20.20.2/115/9',
});

describe('content hash of an addon', () => {
  it('is a stable sha256', () => {
    expect(addonHash(base())).toMatch(/^[0-9a-f]{64}$/);
    expect(addonHash(base())).toBe(addonHash(base()));
  });

  it.each<[string, (h: HashInputs) => void]>([
    ['the C++', (h) => (h.cpp = 'int y;\n')],
    ['the flags', (h) => h.flags.cflags.push('-march=native')],
    ['the defines', (h) => h.flags.defines.push('X=1')],
    ['the native headers', (h) => (h.headers = 'h2')],
    ['the Node ABI', (h) => (h.node = '22.0.0/127/9')],
  ])('changes with %s', (_, change) => {
    const h = base();
    change(h);
    expect(addonHash(h)).not.toBe(addonHash(base()));
  });

  it('does not depend on where the project or the package is', () => {
    const h = base();
    h.flags.includeDirs = ['/somewhere/else/node-addon-api', '/somewhere/else/native'];
    expect(addonHash(h)).toBe(addonHash(base()));
  });

  it('covers every header file by name and content', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsn-headers-'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'a.h'), '#pragma once\n');
    fs.writeFileSync(path.join(dir, 'sub', 'b.h'), 'int b;\n');
    const before = headersDigest(dir);
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'tsn-headers-'));
    fs.cpSync(dir, copy, { recursive: true });
    fs.writeFileSync(path.join(copy, 'sub', 'b.h'), 'int c;\n');
    expect(headersDigest(copy)).not.toBe(before);
    expect(headersDigest(path.resolve(__dirname, '../../native/tsnative'))).toMatch(/^[0-9a-f]{64}$/);
    fs.rmSync(dir, { recursive: true });
    fs.rmSync(copy, { recursive: true });
  });
});
