// What GPU code a CUDA addon carries, read from its ELF file: the entries of
// the fat binaries in its .nv_fatbin section (machine code per sm_ and PTX
// per compute_ architecture) and its NEEDED libraries. cuobjdump shows the
// same, but it is not part of every toolkit install.
import * as fs from 'node:fs';

interface Section {
  name: string;
  offset: number;
  size: number;
  type: number;
  link: number;
}

function sections(elf: Buffer): Section[] {
  if (elf.readUInt32BE(0) !== 0x7f454c46 || elf[4] !== 2 || elf[5] !== 1) throw new Error('not a 64-bit little-endian ELF file');
  const shoff = Number(elf.readBigUInt64LE(0x28));
  const size = elf.readUInt16LE(0x3a);
  const count = elf.readUInt16LE(0x3c);
  const names = elf.readUInt16LE(0x3e);
  const raw = Array.from({ length: count }, (_, i) => {
    const at = shoff + i * size;
    return {
      nameAt: elf.readUInt32LE(at),
      type: elf.readUInt32LE(at + 4),
      offset: Number(elf.readBigUInt64LE(at + 0x18)),
      size: Number(elf.readBigUInt64LE(at + 0x20)),
      link: elf.readUInt32LE(at + 0x28),
    };
  });
  const strtab = raw[names]!;
  const cstr = (base: number, at: number): string => elf.toString('latin1', base + at, elf.indexOf(0, base + at));
  return raw.map((s) => ({ name: cstr(strtab.offset, s.nameAt), offset: s.offset, size: s.size, type: s.type, link: s.link }));
}

/** `sm_75` for each machine-code entry, `compute_75` for each PTX entry (sorted, without repeats). */
export function gpuCode(file: string): string[] {
  const elf = fs.readFileSync(file);
  const found = new Set<string>();
  for (const s of sections(elf).filter((x) => x.name === '.nv_fatbin')) {
    let at = s.offset;
    while (at + 16 <= s.offset + s.size) {
      // Fat binary header: magic, version, header size, size of its entries.
      if (elf.readUInt32LE(at) !== 0xba55ed50) break;
      const headerSize = elf.readUInt16LE(at + 6);
      const end = at + headerSize + Number(elf.readBigUInt64LE(at + 8));
      let entry = at + headerSize;
      while (entry < end) {
        // Entry header: kind (1 PTX, 2 ELF), version, header size, payload size, …, architecture at 28.
        const kind = elf.readUInt16LE(entry);
        const entrySize = elf.readUInt32LE(entry + 4);
        const arch = elf.readUInt32LE(entry + 28);
        if (kind === 1) found.add(`compute_${arch}`);
        if (kind === 2) found.add(`sm_${arch}`);
        entry += entrySize + Number(elf.readBigUInt64LE(entry + 8));
      }
      at = end;
      // Fat binaries are 8-byte aligned in the section.
      at = s.offset + Math.ceil((at - s.offset) / 8) * 8;
    }
  }
  return [...found].sort();
}

/** The shared libraries the file names as NEEDED (what the dynamic loader must find). */
export function neededLibraries(file: string): string[] {
  const elf = fs.readFileSync(file);
  const all = sections(elf);
  const dynamic = all.find((s) => s.name === '.dynamic');
  if (!dynamic) return [];
  const strtab = all[dynamic.link]!;
  const out: string[] = [];
  for (let at = dynamic.offset; at + 16 <= dynamic.offset + dynamic.size; at += 16) {
    const tag = Number(elf.readBigInt64LE(at));
    if (tag === 0) break;
    if (tag === 1) {
      const name = strtab.offset + Number(elf.readBigUInt64LE(at + 8));
      out.push(elf.toString('latin1', name, elf.indexOf(0, name)));
    }
  }
  return out;
}
