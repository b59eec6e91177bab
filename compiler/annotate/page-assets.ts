// The report's stylesheet and script, inlined into the page so that it works
// from a file:// URL with no network. The page is usable without the script
// (lines expand through <details>); the script adds expand/collapse-all and
// opens the line a link or the URL's #L<n> points at.

export const HEAT_COLORS = ['transparent', '#fff9d1', '#fff09a', '#ffe45e', '#ffd12e', '#ffb31a'];

export const KIND_COLORS: Record<string, string> = {
  boundary: '#8250df',
  bounds: '#cf222e',
  convert: '#0969da',
  throw: '#bc4c00',
  call: '#1a7f37',
  alloc: '#9a6700',
  parallel: '#0a7b83',
};

export function pageStyle(): string {
  const heat = HEAT_COLORS.map((c, i) => `.h${i}{background:${c}}`).join('');
  const kinds = Object.entries(KIND_COLORS)
    .map(([k, c]) => `.k-${k}{color:${c};font-weight:600}.chip.k-${k}{border-color:${c}}`)
    .join('');
  return `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#fff}
main{max-width:1180px;margin:0 auto;padding:20px 24px 40px}
h1{font-size:20px;margin:0 0 4px}h1 .file{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
h2{font-size:15px;margin:22px 0 8px}
.sub{color:#59636e;margin:0 0 12px}
.legend{display:flex;flex-wrap:wrap;gap:6px 16px;align-items:center;margin:8px 0;color:#59636e;font-size:12.5px}
.swatch{display:inline-block;width:26px;height:14px;border:1px solid #d1d9e0;vertical-align:-2px;margin-right:4px}
.chip{display:inline-block;border:1px solid;border-radius:10px;padding:0 7px;margin:1px 2px;font-size:12px;white-space:nowrap}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #d1d9e0;vertical-align:top}
th{background:#f6f8fa;font-weight:600}
td code,.sig{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
a{color:#0969da;text-decoration:none}a:hover{text-decoration:underline}
.opt{background:#ddf4ff;border-radius:4px;padding:0 5px;margin-right:3px;font-family:ui-monospace,monospace;font-size:12px}
.muted{color:#818b98}
.tools{float:right}.tools button{font:inherit;font-size:12px;margin-left:6px;padding:2px 10px;border:1px solid #d1d9e0;border-radius:6px;background:#f6f8fa;cursor:pointer}
.code{border:1px solid #d1d9e0;border-radius:6px;overflow:hidden;font:12.5px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.line>summary,.line.plain,.line.quiet{display:grid;grid-template-columns:48px 16px 30px 1fr;list-style:none;white-space:pre;tab-size:2}
.line>summary::-webkit-details-marker{display:none}
.line>summary{cursor:pointer}
.line>summary:hover{outline:1px solid #8c959f;outline-offset:-1px}
.line>summary:focus-visible{outline:2px solid #0969da;outline-offset:-2px}
.ln{color:#818b98;text-align:right;padding-right:10px;user-select:none;border-right:1px solid #d1d9e0;background:#f6f8fa}
.native .ln{border-right:3px solid #0a7b83}
.caret{color:#59636e;text-align:center;user-select:none}
details[open]>summary .caret{transform:rotate(90deg)}
.sc{color:#59636e;text-align:right;padding-right:8px;user-select:none}
.line code{font:inherit;overflow:hidden;text-overflow:ellipsis}
.plain code{color:#59636e}
.cpp{margin:0;padding:6px 12px 8px 94px;background:#f6f8fa;border-top:1px dashed #d1d9e0;border-bottom:1px dashed #d1d9e0;white-space:pre;overflow-x:auto;color:#24292f}
.cpp .fallback{opacity:.55}
.cpp .why{display:block;color:#59636e;font-family:system-ui,sans-serif;font-size:12px;margin-bottom:4px;white-space:normal}
.diag{margin:0;padding:6px 12px 6px 94px;background:#ffebe9;border-top:1px solid #ffcecb;border-bottom:1px solid #ffcecb;white-space:pre-wrap;font-family:system-ui,sans-serif;font-size:13px}
.diag b{color:#cf222e}.diag.warning{background:#fff8c5}.diag.warning b{color:#9a6700}
.diag .hint{color:#59636e}
.has-diag .ln{background:#ffcecb;color:#82071e}
:target>summary,:target.line{outline:2px solid #0969da;outline-offset:-2px}
${heat}${kinds}`;
}

export function pageScript(): string {
  return `
(function () {
  function all(open) {
    document.querySelectorAll('details.line').forEach(function (d) { d.open = open; });
  }
  function reveal() {
    var el = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (el && el.tagName === 'DETAILS') el.open = true;
  }
  document.getElementById('expand-all').addEventListener('click', function () { all(true); });
  document.getElementById('collapse-all').addEventListener('click', function () { all(false); });
  window.addEventListener('hashchange', reveal);
  reveal();
})();`;
}
