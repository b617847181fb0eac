/**
 * Computes the public page's figures (src/lib/public/figures.ts) from a dossier database on
 * native DuckDB, into a JSON file that the build prerenders the public pages from:
 *   tsx scripts/public-figures.ts --data DIR|FILE.duckdb --out FILE [--threshold 5]
 * DIR holds manifest.json and the database it names; or give the database file itself.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { NodeEngine } from '../src/lib/core/engine/node';
import { PUBLIC_THRESHOLD, publicFigures } from '../src/lib/public/figures';

const { values } = parseArgs({ options: { data: { type: 'string', default: 'data/generated' }, out: { type: 'string' }, threshold: { type: 'string' } } });
if (!values.out) throw new Error('--out FILE is required');
const database = values.data.endsWith('.duckdb') ? values.data : join(values.data, (JSON.parse(readFileSync(join(values.data, 'manifest.json'), 'utf8')) as { database: string }).database);
const engine = await NodeEngine.open(database, { access_mode: 'READ_ONLY' });
try {
	const figures = await publicFigures(engine, values.threshold ? Number(values.threshold) : PUBLIC_THRESHOLD);
	mkdirSync(dirname(values.out), { recursive: true });
	writeFileSync(values.out, JSON.stringify(figures));
	console.log(`${values.out}: public figures of ${figures.province} up to ${figures.dataAsOf}`);
} finally {
	await engine.close();
}
