// The report as one self-contained HTML page: summary, legend, and the source
// with each line shaded by its score and expandable to its C++.
import type { Diagnostic } from '../driver';
import type { CppLine } from './attribute';
import { COST_KINDS, describeCosts, heatLevel, type Costs } from './cost';
import { describeReductions } from './loops';
import { HEAT_COLORS, pageScript, pageStyle } from './page-assets';
import type { AnnotateReport, AnnotatedLine, FunctionSummary } from './report';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const HEAT_LABELS = ['no helper calls', '1', '2', '3–4', '5–8', '9 or more'];

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function chips(costs: Costs): string {
  return COST_KINDS.filter(({ kind }) => costs[kind])
    .map(({ kind, label, short }) => `<span class="chip k-${kind}" title="${escapeHtml(label)}">${escapeHtml(short)} ${costs[kind]}</span>`)
    .join(' ');
}

/** The C++ lines of one source line, dedented, with each helper call coloured by its kind; fallback copies dimmed. */
function cppBlock(lines: readonly CppLine[]): string {
  const indent = Math.min(...lines.map((l) => /^ */.exec(l.text)![0].length));
  return lines
    .map((l) => {
      let html = '';
      let at = indent;
      for (const h of l.helpers) {
        if (h.start < at) continue;
        html += escapeHtml(l.text.slice(at, h.start));
        html += `<span class="k-${h.kind}">${escapeHtml(l.text.slice(h.start, h.end))}</span>`;
        at = h.end;
      }
      html += escapeHtml(l.text.slice(at));
      return l.fallback ? `<span class="fallback">${html}</span>` : html;
    })
    .join('\n');
}

const FALLBACK_NOTE = "dimmed: the copy that runs only when a versioned loop's test fails (not counted)";

function diagnosticBlock(d: Diagnostic): string {
  return `<div class="diag ${d.severity}"><b>${d.severity} ${escapeHtml(d.code)}</b> (column ${d.loc.col}): ${escapeHtml(d.message)}\n<span class="hint">hint: ${escapeHtml(d.hint)}</span></div>`;
}

function lineHtml(l: AnnotatedLine): string {
  const level = heatLevel(l.score);
  const classes = [`line`, `h${level}`, l.fn ? 'native' : '', l.diagnostics.length > 0 ? 'has-diag' : ''].filter(Boolean).join(' ');
  const code = `<code>${escapeHtml(l.text)}</code>`;
  const diags = l.diagnostics.map(diagnosticBlock).join('');
  if (l.cpp.length === 0) {
    const kind = l.fn ? 'quiet' : 'plain';
    return `<div class="${classes} ${kind}" id="L${l.n}"><span class="ln">${l.n}</span><span class="caret"></span><span class="sc"></span>${code}</div>${diags}`;
  }
  const score = l.score > 0 ? `score ${l.score}: ${describeCosts(l.costs)}` : 'no helper calls: plain C++';
  const why = l.cpp.some((c) => c.fallback) ? `${score}; ${FALLBACK_NOTE}` : score;
  return (
    `<details class="${classes}" id="L${l.n}" data-score="${l.score}">` +
    `<summary title="${escapeHtml(why)}"><span class="ln">${l.n}</span><span class="caret">▸</span><span class="sc">${l.score > 0 ? l.score : ''}</span>${code}</summary>` +
    `<pre class="cpp"><span class="why">${escapeHtml(why)}</span>${cppBlock(l.cpp)}</pre></details>${diags}`
  );
}

function loopsCell(f: FunctionSummary): string {
  if (f.loops.length === 0) return '<span class="muted">none</span>';
  return f.loops
    .map((loop) => {
      const reduces = loop.reductions.length > 0 ? `reduces ${escapeHtml(describeReductions(loop))}` : 'no reduction';
      return `<a href="#L${loop.line}">line ${loop.line}</a>: prange, ${reduces}; one thread under ${loop.minIterations} iterations`;
    })
    .join('<br>');
}

function functionRow(f: FunctionSummary): string {
  const options =
    f.options.length > 0 ? f.options.map((o) => `<span class="opt">${escapeHtml(o)}</span>`).join('') : '<span class="muted">none</span>';
  return (
    `<tr><td><a href="#L${f.line}"><code>${escapeHtml(f.name)}</code></a><br><span class="muted">line ${f.line}${f.exported ? '' : ', module-local'}</span></td>` +
    `<td class="sig">${escapeHtml(f.signature)}</td><td>${options}</td>` +
    `<td><b>${f.score}</b> ${chips(f.costs)}</td><td>${loopsCell(f)}</td></tr>`
  );
}

function legend(): string {
  const swatches = HEAT_LABELS.map(
    (label, i) => `<span><span class="swatch" style="background:${HEAT_COLORS[i]}"></span>${escapeHtml(label)}</span>`,
  ).join('');
  const kinds = COST_KINDS.map(({ kind, label }) => `<span class="chip k-${kind}">${escapeHtml(label)}</span>`).join('');
  return `<div class="legend"><b>helper calls per line:</b>${swatches}</div><div class="legend"><b>kinds:</b>${kinds}</div>`;
}

export interface PageMeta {
  version: string;
}

export function renderReport(report: AnnotateReport, meta: PageMeta): string {
  const working = report.lines.filter((l) => l.score > 0).length;
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const stats = [
    plural(report.functions.length, 'function') + ' compiled',
    plural(working, 'line') + ' with run-time work',
    errors > 0 ? `<b style="color:#cf222e">${plural(errors, 'diagnostic')}</b>` : 'no diagnostics',
  ].join(' · ');
  const table =
    report.functions.length > 0
      ? `<table><thead><tr><th>function</th><th>signature</th><th>options</th><th>helper calls</th><th>parallel loops</th></tr></thead><tbody>${report.functions.map(functionRow).join('')}</tbody></table>`
      : '<p class="muted">No function of this file compiled.</p>';
  const diagList =
    report.diagnostics.length > 0
      ? `<h2>Diagnostics</h2><ul>${report.diagnostics
          .map((d) => `<li><a href="#L${d.loc.line}">line ${d.loc.line}</a>: ${escapeHtml(d.code)} ${escapeHtml(d.message)}</li>`)
          .join('')}</ul>`
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tsnative annotate: ${escapeHtml(report.file)}</title>
<style>${pageStyle()}</style>
</head>
<body>
<main>
<h1>tsnative annotate: <span class="file">${escapeHtml(report.file)}</span></h1>
<p class="sub">${stats} · tsnative ${escapeHtml(meta.version)}</p>
<p>Each line of a <code>@native</code> function is shaded by the run-time work its C++ does beyond plain arithmetic: how many tsnative helpers it calls. A function's declaration line carries the checks of its arguments when JS calls it. Click a line to see the C++ it became.</p>
${legend()}
<h2>Functions</h2>
${table}
${diagList}
<h2>Source <span class="tools"><button id="expand-all" type="button">expand all</button><button id="collapse-all" type="button">collapse all</button></span></h2>
<div class="code">
${report.lines.map(lineHtml).join('\n')}
</div>
</main>
<script>${pageScript()}</script>
</body>
</html>
`;
}
