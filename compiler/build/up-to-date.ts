// The no-op build: a module whose inputs are exactly those of its last
// build is reported cached without loading the TypeScript compiler. The key
// covers the module's source and the sources compiled into it, its project's
// options and flags, the compiler that generated the C++ (tsnative's own
// files), the native headers, the C++ toolchain and the Node it targets.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { currentNodeTarget, readManifest, type ManifestModule, type ModuleDependency } from '../../runtime/manifest';
import { hashFile, hashText, moduleKey, type ProjectConfig } from '../../runtime/project';
import { headersDigest } from './content-hash';
import { cxxVersion } from './toolchain';

let fingerprint: string | undefined;

/** tsnative's compiler (by file sizes and times: cheap) and the C++ compiler's version. */
function toolFingerprint(): string {
  if (fingerprint === undefined) {
    const compilerDir = path.resolve(__dirname, '..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (/\.(js|ts)$/.test(e.name)) {
          const st = fs.statSync(full);
          files.push(`${path.relative(compilerDir, full)}:${st.size}:${st.mtimeMs}`);
        }
      }
    };
    walk(compilerDir);
    fingerprint = hashText(JSON.stringify({ files: files.sort(), cxx: cxxVersion(), headers: headersDigest(), node: currentNodeTarget() }));
  }
  return fingerprint;
}

export function inputsKey(project: ProjectConfig, sourceHash: string, dependencies: readonly ModuleDependency[]): string {
  return hashText(JSON.stringify({ sourceHash, dependencies, options: project.options, cflags: project.cflags, tools: toolFingerprint() }));
}

/** The manifest entry of `file` when nothing that went into it has changed since. */
export function upToDate(project: ProjectConfig, file: string): ManifestModule | undefined {
  const entry = readManifest(project.outDir)?.modules[moduleKey(project, file)];
  if (!entry?.inputsKey || !fs.existsSync(path.join(project.outDir, entry.addon))) return undefined;
  try {
    const deps = (entry.dependencies ?? []).map((d) => ({ source: d.source, sourceHash: hashFile(path.resolve(project.root, d.source)) }));
    return inputsKey(project, hashFile(file), deps) === entry.inputsKey ? entry : undefined;
  } catch {
    return undefined;
  }
}
