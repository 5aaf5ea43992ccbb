import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Comments cite docs/api.md as a bare section sign plus a number ("contract" in front is fine) and the
// design notes, which live outside the repository, as "design" plus the sign. Both must land somewhere
// a reader can open: a heading of docs/api.md, or a row of ARCHITECTURE.md's "Design sections" table.
// A sign right after the name of a published spec (CSP3, RFC 9110) cites that spec and is not checked.
// The section sign is written as \u00a7 in this file so its own patterns are not references.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCANNED_FOLDERS = ['electron', 'server', 'shared', 'renderer', 'scripts', 'tests', 'docs'];
const SCANNED_EXTENSIONS = /\.(ts|tsx|mts|cts|js|mjs|cjs|md|html)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'dist-electron', 'screenshots']);

type RefKind = 'api' | 'design' | 'external';

interface SectionRef {
  section: string;
  kind: RefKind;
  line: number;
}

/** Published specs cited by section; add one here when a comment starts citing it. */
const EXTERNAL_SPEC = /(?:\bCSP\d*|\bRFC\s?\d+|\bWHATWG|\bHTML)\s+$/;

/** Every section reference in `text`: the number, which document it cites, and its line. */
function extractSectionRefs(text: string): SectionRef[] {
  const refs: SectionRef[] = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(/\u00a7\s?(\d+(?:\.\d+)?)/g)) {
      const before = line.slice(0, match.index);
      const kind: RefKind = /\bdesign\s+$/.test(before) ? 'design' : EXTERNAL_SPEC.test(before) ? 'external' : 'api';
      refs.push({ section: match[1]!, kind, line: index + 1 });
    }
  });
  return refs;
}

/** Section numbers of the headings of a markdown page: `## 7. Datasets` → 7, `### 7.3 Schema` → 7.3. */
function headingSections(markdown: string): string[] {
  const sections: string[] = [];
  for (const match of markdown.matchAll(/^#{1,6}\s+(\d+(?:\.\d+)?)\.?\s/gm)) sections.push(match[1]!);
  return sections;
}

/** Sections listed in ARCHITECTURE.md's design table: rows that start with `| design <sign>N |`. */
function designTableSections(markdown: string): string[] {
  return [...markdown.matchAll(/^\|\s*design\s+\u00a7(\d+)\s*\|/gm)].map((m) => m[1]!);
}

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(join(dir, entry.name));
      } else if (SCANNED_EXTENSIONS.test(entry.name)) files.push(join(dir, entry.name));
    }
  };
  for (const folder of SCANNED_FOLDERS) walk(join(ROOT, folder));
  // Top-level docs and configs cite sections too (README, ARCHITECTURE, eslint.config.js).
  for (const entry of readdirSync(ROOT, { withFileTypes: true })) {
    if (entry.isFile() && SCANNED_EXTENSIONS.test(entry.name)) files.push(join(ROOT, entry.name));
  }
  return files;
}

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** `file:line: <sign>N` for every reference that resolves to nothing. */
function unresolvedRefs(apiSections: ReadonlySet<string>, designSections: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const file of sourceFiles()) {
    for (const ref of extractSectionRefs(readFileSync(file, 'utf8'))) {
      if (ref.kind === 'external') continue;
      const known = ref.kind === 'design' ? designSections.has(ref.section) : apiSections.has(ref.section);
      if (!known) {
        const where = `${relative(ROOT, file)}:${ref.line}`;
        problems.push(`${where}: ${ref.kind === 'design' ? 'design ' : ''}\u00a7${ref.section}`);
      }
    }
  }
  return problems;
}

describe('section references in the code', () => {
  const apiSections = headingSections(read('docs/api.md'));
  const designSections = designTableSections(read('ARCHITECTURE.md'));

  it('docs/api.md has every top-level section 1–13 once, and no section twice', () => {
    const duplicates = apiSections.filter((s, i) => apiSections.indexOf(s) !== i);
    expect(duplicates).toEqual([]);
    const topLevel = apiSections.filter((s) => !s.includes('.'));
    expect(topLevel).toEqual(Array.from({ length: 13 }, (_, i) => String(i + 1)));
  });

  it('ARCHITECTURE.md maps design sections 1–7', () => {
    expect(designSections).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it('each bare reference resolves to a heading of docs/api.md, each design one to ARCHITECTURE.md', () => {
    const problems = unresolvedRefs(new Set(apiSections), new Set(designSections));
    expect(problems).toEqual([]);
  });

  it('finds references in every scanned folder (the scan is not silently empty)', () => {
    const citing = sourceFiles()
      .filter((file) => extractSectionRefs(readFileSync(file, 'utf8')).length > 0)
      .map((file) => relative(ROOT, file).split(/[\\/]/)[0]);
    for (const folder of ['electron', 'server', 'shared', 'renderer', 'tests', 'docs']) {
      expect(citing).toContain(folder);
    }
  });
});

describe('extractSectionRefs', () => {
  it('reads bare, "contract", design and external references with their lines, and stops at a period', () => {
    const text = [
      'plain \u00a77.3. and \u00a78.1',
      'contract \u00a713.10 (design \u00a75)',
      'ranges \u00a75\u2013\u00a78, none in \u00a7x',
      'ignored in a meta tag (CSP3 \u00a73.3), see RFC 9110 \u00a713.1.2',
    ].join('\n');
    expect(extractSectionRefs(text)).toEqual([
      { section: '7.3', kind: 'api', line: 1 },
      { section: '8.1', kind: 'api', line: 1 },
      { section: '13.10', kind: 'api', line: 2 },
      { section: '5', kind: 'design', line: 2 },
      { section: '5', kind: 'api', line: 3 },
      { section: '8', kind: 'api', line: 3 },
      { section: '3.3', kind: 'external', line: 4 },
      { section: '13.1', kind: 'external', line: 4 },
    ]);
  });

  it('reads headings with and without a trailing period, not numbers in body text', () => {
    const page = '# Title\n## 1. Conventions\ntext 2. not a heading\n### 7.3 Annotation schema\n#### 13.10 General\n';
    expect(headingSections(page)).toEqual(['1', '7.3', '13.10']);
  });

  it('reads the design table rows only', () => {
    const table = '| Section | What |\n| design \u00a72 | processes |\n| design \u00a710 | x |\nsee design \u00a73\n';
    expect(designTableSections(table)).toEqual(['2', '10']);
  });
});
