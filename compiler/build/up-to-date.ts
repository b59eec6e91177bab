// The no-op build: a module whose inputs are exactly those of its last
// complete build (every target built) is reported cached without loading the
// TypeScript compiler. The key covers the module's source and the sources
// compiled into it, its project's options, flags and targets, the compiler
// that generated the code (tsnative's own files), the native headers, the C++
// toolchain and the Node it targets; for a cuda target also nvcc and the GPU
// architectures (TSNATIVE_CUDA_ARCHS included).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { currentNodeTarget, readManifest, type ManifestModule, type ModuleDependency } from '../../runtime/manifest';
import { hashFile, hashText, moduleKey, type ProjectConfig } from '../../runtime/project';
import { headersDigest } from './content-hash';
import { cudaSettings } from './cuda-flags';
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

function cudaInputs(project: ProjectConfig): unknown {
  const { architectures, unsupported, nvcc } = cudaSettings(project);
  return { architectures, unsupported, nvcc };
}

export function inputsKey(project: ProjectConfig, sourceHash: string, dependencies: readonly ModuleDependency[]): string {
  // The configured targets too: adding or dropping one changes which addons the module must have.
  return hashText(
    JSON.stringify({
      sourceHash,
      dependencies,
      options: project.options,
      cflags: project.cflags,
      targets: project.targets,
      tools: toolFingerprint(),
      cuda: project.targets.includes('cuda') ? cudaInputs(project) : undefined,
    }),
  );
}

/** Every target the entry names still has its addon (the entry has an inputsKey only when all its targets built). */
function addonsPresent(outDir: string, entry: ManifestModule): boolean {
  const builds = Object.values(entry.targets ?? {});
  return builds.length > 0 && builds.every((t) => fs.existsSync(path.join(outDir, t.addon)));
}

/** The manifest entry of `file` when nothing that went into it has changed since. */
export function upToDate(project: ProjectConfig, file: string): ManifestModule | undefined {
  const entry = readManifest(project.outDir)?.modules[moduleKey(project, file)];
  if (!entry?.inputsKey || !addonsPresent(project.outDir, entry)) return undefined;
  try {
    const deps = (entry.dependencies ?? []).map((d) => ({ source: d.source, sourceHash: hashFile(path.resolve(project.root, d.source)) }));
    return inputsKey(project, hashFile(file), deps) === entry.inputsKey ? entry : undefined;
  } catch {
    return undefined;
  }
}
