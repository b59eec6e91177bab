import { SourceMapConsumer, SourceMapGenerator } from 'source-map-js';
import { shiftInlineSourceMap, shiftMappings } from '../../runtime/register/map-shift';
import { rewriteEsm } from '../../runtime/register/rewrite';

/** A map for generated line 1 (one-based) with segments at the given columns, each mapped to source line i+1. */
function mapWith(columns: number[], line = 1): SourceMapGenerator {
  const g = new SourceMapGenerator({ file: 'x.js' });
  columns.forEach((column, i) => g.addMapping({ generated: { line, column }, original: { line: i + 1, column: 0 }, source: 'x.ts' }));
  return g;
}

function originalLine(map: object, line: number, column: number): number | null {
  return new SourceMapConsumer(map as never).originalPositionFor({ line, column, bias: SourceMapConsumer.GREATEST_LOWER_BOUND }).line;
}

describe('moving source map columns', () => {
  it('moves the segments at or after the insertion column, and no others', () => {
    const json = mapWith([0, 10, 20, 1000]).toJSON();
    const moved = { ...json, mappings: shiftMappings(json.mappings, 0, 10, 55) };
    expect(originalLine(moved, 1, 0)).toBe(1);
    expect(originalLine(moved, 1, 9 + 55)).toBe(1);
    expect(originalLine(moved, 1, 10 + 55)).toBe(2);
    expect(originalLine(moved, 1, 20 + 55)).toBe(3);
    expect(originalLine(moved, 1, 1000 + 55)).toBe(4);
  });

  it('leaves other lines and lines without segments alone', () => {
    const json = mapWith([0, 5], 2).toJSON();
    expect(shiftMappings(json.mappings, 0, 0, 7)).toBe(json.mappings);
    expect(shiftMappings(json.mappings, 5, 0, 7)).toBe(json.mappings);
    expect(shiftMappings(json.mappings, 1, 6, 7)).toBe(json.mappings);
  });

  it('rewrites an inline map, and only an inline one', () => {
    const map = mapWith([0, 30]).toString();
    const js = `var a=1;function dot(x){throw new Error("x")}\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(map).toString('base64')}`;
    const out = rewriteEsm(js, 'file:///b.js', { source: '/p/x.ts', names: ['dot'] });
    const inserted = out.indexOf('var a=1;');
    const inline = /base64,(\S+)$/.exec(out)![1];
    const shifted = JSON.parse(Buffer.from(inline, 'base64').toString('utf8'));
    expect(originalLine(shifted, 1, inserted)).toBe(1);
    expect(originalLine(shifted, 1, inserted + 30)).toBe(2);
    expect(originalLine(shifted, 1, inserted + 29)).toBe(1);
    const external = 'function dot(){}\n//# sourceMappingURL=x.js.map';
    expect(shiftInlineSourceMap(external, 0, 0, 10)).toBe(external);
  });
});
