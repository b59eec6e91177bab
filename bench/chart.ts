// The speed-up chart as a standalone SVG: one group of horizontal bars per
// kernel on a log scale, starting at 1× (bars to the left are slower than JS).
import { speedup, type Row } from './report';

export interface Series {
  key: string;
  label: string;
  color: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function speedupChart(rows: Row[], series: Series[], title: string, subtitle: string): string {
  const values = rows.flatMap((r) => series.map((s) => speedup(r, s.key))).filter((v): v is number => v !== undefined && v > 0);
  const lo = Math.min(-1, Math.floor(Math.log2(Math.min(...values))));
  const hi = Math.max(2, Math.ceil(Math.log2(Math.max(...values))));
  const [left, plotW, barH, gap, top] = [170, 600, 11, 14, 70];
  const groupH = series.length * barH + gap;
  const height = top + rows.length * groupH + 40;
  const x = (v: number) => left + ((Math.log2(v) - lo) / (hi - lo)) * plotW;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.max(left + plotW + 70, left + series.length * 165)}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${left}" y="22" font-size="15" font-weight="bold">${esc(title)}</text>`,
    `<text x="${left}" y="40" fill="#555">${esc(subtitle)}</text>`,
  ];
  series.forEach((s, i) => {
    const lx = left + i * 165;
    out.push(`<rect x="${lx}" y="50" width="10" height="10" fill="${s.color}"/><text x="${lx + 14}" y="59">${esc(s.label)}</text>`);
  });
  for (let p = lo; p <= hi; p++) {
    const v = 2 ** p;
    const gx = x(v).toFixed(1);
    out.push(`<line x1="${gx}" y1="${top - 4}" x2="${gx}" y2="${height - 30}" stroke="${p === 0 ? '#333' : '#ddd'}"/>`);
    out.push(`<text x="${gx}" y="${height - 14}" text-anchor="middle" fill="#555">${v >= 1 ? v : `1/${2 ** -p}`}×</text>`);
  }
  rows.forEach((r, g) => {
    const gy = top + g * groupH;
    out.push(`<text x="${left - 8}" y="${gy + (series.length * barH) / 2 + 4}" text-anchor="end">${esc(r.name)}</text>`);
    series.forEach((s, i) => {
      const v = speedup(r, s.key);
      if (v === undefined) return;
      const [x0, x1] = [x(1), x(v)];
      const y = gy + i * barH;
      out.push(
        `<rect x="${Math.min(x0, x1).toFixed(1)}" y="${y}" width="${Math.abs(x1 - x0).toFixed(1)}" height="${barH - 2}" fill="${s.color}"/>`,
      );
      out.push(
        `<text x="${(Math.max(x0, x1) + 3).toFixed(1)}" y="${y + barH - 3}" font-size="9" fill="#333">${v.toFixed(v >= 10 ? 0 : 2)}×</text>`,
      );
    });
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
