import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from './helpers/fixture.js'

// The shape of src/ that docs/ARCHITECTURE.md describes, held to the code: a pipeline of plain stages,
// the performance wing (src/fast/) around them, no import cycles, small files, `_` for what is private
// to a folder.

const SRC = path.join(REPO_ROOT, 'src')
/** The orchestration: the only code that may import the wing. */
const ORCHESTRATION = [/^build(?:-outcome)?\.ts$/, /^index\.ts$/, /^cli\.ts$/, /^cli\//, /^serve\//]
const WING = /^fast\//
const MAX_LINES = 300

/** Every source file below src/, as a path relative to it with `/`. */
function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(SRC, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

/** The src/ files a file imports: static, type-only, re-exports and dynamic `import()`. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(SRC, file), 'utf8')
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s+'([^']+)'/gm),
    ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g),
  ].map((match) => match[1] as string)
  return specifiers
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => path.posix.join(path.posix.dirname(file), specifier).replace(/\.js$/, '.ts'))
}

const files = sourceFiles()
const graph = new Map(files.map((file) => [file, importsOf(file)]))

/** The cycles of the import graph, each as the files around it (one per strongly connected set). */
function findCycles(): string[][] {
  const cycles: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (file: string) => {
    state.set(file, 'open')
    stack.push(file)
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next])
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(file, 'done')
  }
  for (const file of files) if (!state.has(file)) visit(file)
  return cycles
}

describe('src/', () => {
  it('should find the files and their imports (the scanner itself)', () => {
    expect(files).toContain('build.ts')
    expect(graph.get('build.ts')).toContain('fast/fast-path.ts')
    expect(graph.get('build.ts')).toContain('stages.ts')
    expect(graph.get('stages.ts')).toContain('content/load.ts')
  })

  it('should only resolve imports to files that exist', () => {
    const missing = [...graph].flatMap(([file, imports]) =>
      imports.filter((target) => !graph.has(target)).map((target) => `${file} → ${target}`),
    )
    expect(missing).toEqual([])
  })

  it('should have no import cycles', () => {
    expect(findCycles().map((cycle) => cycle.join(' → '))).toEqual([])
  })

  it('should let only the orchestration import the performance wing', () => {
    const value = [...graph].flatMap(([file, imports]) =>
      WING.test(file) || ORCHESTRATION.some((pattern) => pattern.test(file))
        ? []
        : imports.filter((target) => WING.test(target)).map((target) => `${file} → ${target}`),
    )
    expect(value).toEqual([])
  })

  it(`should keep every file at ${MAX_LINES} lines or fewer`, () => {
    const value = files
      .map((file) => [file, readFileSync(path.join(SRC, file), 'utf8').split('\n').length - 1] as const)
      .filter(([, lines]) => lines > MAX_LINES)
    expect(value).toEqual([])
  })

  it('should import a `_` file only from its own folder', () => {
    const value = [...graph].flatMap(([file, imports]) =>
      imports
        .filter((target) => path.posix.basename(target).startsWith('_'))
        .filter((target) => path.posix.dirname(target) !== path.posix.dirname(file))
        .map((target) => `${file} → ${target}`),
    )
    expect(value).toEqual([])
  })

  it('should start the name of a file imported only inside its folder with `_`', () => {
    const importers = new Map<string, Set<string>>()
    for (const [file, imports] of graph) {
      for (const target of imports) importers.set(target, (importers.get(target) ?? new Set()).add(file))
    }
    // Files at the top of src/ are the package's own; entry points are imported by nothing.
    const value = files.filter((file) => {
      const folder = path.posix.dirname(file)
      const from = [...(importers.get(file) ?? [])]
      return (
        folder !== '.' &&
        !path.posix.basename(file).startsWith('_') &&
        from.length > 0 &&
        from.every((importer) => path.posix.dirname(importer) === folder)
      )
    })
    expect(value).toEqual([])
  })
})
