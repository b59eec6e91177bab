import { addonFileName, assignStems, declarationFileName, stemOf, targetNameOf } from '../../compiler/build/stem';
import { hashText } from '../../runtime/project';

describe('stem naming', () => {
  it.each([
    ['src/stats.ts', 'src_stats'],
    ['stats.ts', 'stats'],
    ['src/vec.mts', 'src_vec'],
    ['lib/a-b/c.d.e.cts', 'lib_a_b_c_d_e'],
    ['src/ünï code.tsx', 'src__n__code'],
  ])('%s → %s', (key, stem) => expect(stemOf(key)).toBe(stem));

  it('gives gyp targets no leading digit', () => {
    expect(targetNameOf('2d_grid')).toBe('_2d_grid');
    expect(targetNameOf('src_stats')).toBe('src_stats');
  });

  it('names addons by the first 12 hex digits of their hash, with the .d.ts beside', () => {
    const addon = addonFileName('src_stats', 'abcdef0123456789'.repeat(4));
    expect(addon).toBe('src_stats-abcdef012345.node');
    expect(declarationFileName(addon)).toBe('src_stats-abcdef012345.d.ts');
  });

  it('keeps stems apart when two keys collapse to one', () => {
    const stems = assignStems(['src/a-b.ts', 'src/a_b.ts', 'src/c.ts'], hashText);
    expect(stems.get('src/c.ts')).toBe('src_c');
    const ab = [stems.get('src/a-b.ts'), stems.get('src/a_b.ts')];
    expect(new Set(ab).size).toBe(2);
    for (const s of ab) expect(s).toMatch(/^src_a_b_[0-9a-f]{6}$/);
    // Deterministic: the same keys get the same stems in any order.
    const again = assignStems(['src/c.ts', 'src/a_b.ts', 'src/a-b.ts'], hashText);
    expect([again.get('src/a-b.ts'), again.get('src/a_b.ts')]).toEqual(ab);
  });
});
