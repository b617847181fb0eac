/**
 * The shape of src/lib (docs/ARCHITECTURE.md): features over a shared core. The core imports
 * no feature, and no file or folder depends on itself through others: a cycle makes every
 * module of it load, test and change together.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const LIB = 'src/lib';

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = path.join(dir, name);
		if (statSync(p).isDirectory()) return sourceFiles(p);
		return /\.(ts|svelte)$/.test(name) ? [p] : [];
	});
}

/** The files of src/lib a file imports (static, dynamic and worker imports). */
function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+|new URL\(\s*)['"]([^'"\n]+)['"]/g)].map((m) => m[1]);
	return specs.flatMap((spec) => {
		const base = spec.startsWith('$lib/') ? path.join(LIB, spec.slice(5)) : spec.startsWith('.') ? path.join(path.dirname(file), spec) : null;
		if (!base) return [];
		const found = ['', '.ts', '.svelte'].map((e) => base + e).find((c) => existsSync(c) && statSync(c).isFile());
		return found ? [path.normalize(found)] : [];
	});
}

/** A file's folder as the architecture names it: `core/<part>` or the feature. */
function folderOf(file: string): string {
	const [top, sub] = path.relative(LIB, file).split(path.sep);
	return top === 'core' ? `core/${sub}` : top;
}

/** Every cycle of a graph, as one path each (Tarjan's strongly connected components). */
function cycles(graph: Map<string, Set<string>>): string[][] {
	let index = 0;
	const stack: string[] = [];
	const seen = new Map<string, { index: number; low: number; onStack: boolean }>();
	const found: string[][] = [];
	const visit = (v: string) => {
		const mine = { index, low: index, onStack: true };
		index++;
		seen.set(v, mine);
		stack.push(v);
		for (const w of graph.get(v) ?? []) {
			const other = seen.get(w);
			if (!other) {
				visit(w);
				mine.low = Math.min(mine.low, seen.get(w)!.low);
			} else if (other.onStack) mine.low = Math.min(mine.low, other.index);
		}
		if (mine.low === mine.index) {
			const component: string[] = [];
			let w: string;
			do {
				w = stack.pop()!;
				seen.get(w)!.onStack = false;
				component.push(w);
			} while (w !== v);
			if (component.length > 1 || graph.get(v)?.has(v)) found.push(component.reverse());
		}
	};
	for (const v of graph.keys()) if (!seen.has(v)) visit(v);
	return found;
}

const files = sourceFiles(LIB);
const fileGraph = new Map(files.map((f) => [f, new Set(importsOf(f))]));
const folderGraph = new Map<string, Set<string>>();
for (const [f, targets] of fileGraph) {
	const from = folderOf(f);
	if (!folderGraph.has(from)) folderGraph.set(from, new Set());
	for (const t of targets) if (folderOf(t) !== from) folderGraph.get(from)!.add(folderOf(t));
}

describe('the shape of src/lib', () => {
	it('reads the imports it checks', () => {
		// The dashboard's view model imports the metric queries: the reader must see that edge.
		expect(fileGraph.get(path.join(LIB, 'dashboard/dashboard.ts'))).toContain(path.join(LIB, 'core/engine/metrics.ts'));
		expect(
			cycles(
				new Map([
					['a', new Set(['b'])],
					['b', new Set(['c'])],
					['c', new Set(['a'])],
					['d', new Set(['a'])]
				])
			)
		).toEqual([['a', 'b', 'c']]);
	});

	it('has no import cycle between files', () => {
		expect(cycles(fileGraph)).toEqual([]);
	});

	it('has no import cycle between folders', () => {
		expect(cycles(folderGraph)).toEqual([]);
	});

	it('keeps the core free of features: it imports only the core', () => {
		const leaks = [...folderGraph].flatMap(([from, to]) => (from.startsWith('core/') ? [...to].filter((t) => !t.startsWith('core/')).map((t) => `${from} → ${t}`) : []));
		expect(leaks).toEqual([]);
	});

	it('holds nothing at the top of src/lib but the core and the features', () => {
		const top = readdirSync(LIB).filter((n) => statSync(path.join(LIB, n)).isDirectory());
		expect(top.sort()).toEqual(['core', 'dashboard', 'data', 'ingest', 'public', 'report', 'scorecard', 'session', 'wall']);
	});
});
