/** Runs the independent PDF reader (pdf-structure.py, on Debian's python3-pikepdf) and types its answer. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/version.js';

export interface StructNode {
  role: string;
  alt?: string;
  actualText?: string;
  scope?: string;
  kids?: StructNode[];
  content?: number;
}

export interface PdfStructure {
  version: string;
  info: Record<string, string>;
  xmp: string | null;
  lang: string | null;
  marked: boolean;
  displayDocTitle: boolean;
  outputIntents: { subtype: string; identifier: string; profileN: number | null; profileBytes: number }[];
  trailerId: string[] | null;
  roleMap: Record<string, string>;
  structure: StructNode[];
  pages: { mediaBox: number[]; content: { unmarked: number; artifact: number; tagged: number }; tabs: string | null }[];
  annotations: { page: number; subtype: string; contents: string | null; structParent: boolean }[];
}

/** Debian's python3 (with pikepdf), also where a user-level Python comes first on the PATH. */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

export function hasPikepdf(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import pikepdf'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function readPdfStructure(path: string): PdfStructure {
  const out = execFileSync(PYTHON, [join(PROJECT_ROOT, 'test', 'helpers', 'pdf-structure.py'), path], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(out) as PdfStructure;
}

/** Every structure element, depth first, with the roles of its ancestors. */
export function* walk(nodes: readonly StructNode[], parents: string[] = []): Generator<{ node: StructNode; parents: string[] }> {
  for (const node of nodes) {
    yield { node, parents };
    yield* walk(node.kids ?? [], [...parents, node.role]);
  }
}
