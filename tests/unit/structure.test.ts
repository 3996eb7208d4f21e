// The code's shape: no import cycle among src/ and server/ files, and no file there over 300 lines.
// Lint checks which layer may import which; a cycle of files, or a file grown past reading in one go, it cannot see.

import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const MAX_LINES = 300;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'server'))];
const name = (path: string) => relative(ROOT, path);

// Static value imports and re-exports: they fix the order modules run in, and a cycle among them is a start-up that
// depends on which file loads first. `import type` vanishes in the build and import() runs later, so neither counts.
const IMPORT = /^\s*(?:import|export)(?!\s+type\s)\s[^'"();]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return undefined;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out = new Set<string>();
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (!spec?.startsWith('.')) continue;
    const target = resolveImport(file, spec);
    if (target) out.add(target);
  }
  return [...out];
}

/** Each cycle found by a depth-first walk, as the files around it (the first repeated at the end). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('code structure', () => {
  it('reads every source file and its imports', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(importsOf(join(ROOT, 'src/db/write.ts')).map(name)).toContain('src/db/repo.ts');
    // protocol.ts re-exports its limits (a value edge) and imports records' types only (not an edge).
    expect(importsOf(join(ROOT, 'src/shared/protocol.ts')).map(name)).toEqual(['src/shared/protocolLimits.ts']);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
    expect(findCycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('has no import cycle in src/ or server/', () => {
    const graph = new Map(files.map((f) => [name(f), importsOf(f).map(name)]));
    expect(findCycles(graph).map((c) => c.join(' -> '))).toEqual([]);
  });

  it(`has no file over ${MAX_LINES} lines in src/ or server/`, () => {
    const long = files
      .map((f) => ({ file: name(f), lines: readFileSync(f, 'utf8').replace(/\n$/, '').split('\n').length }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(long).toEqual([]);
  });
});
