/**
 * Writes the dashboard's first-view bundle (src/lib/dashboard/first-view.ts, src/lib/session/bundle.ts) beside a dossier database:
 *   tsx scripts/first-view.ts --data DIR
 * DIR holds manifest.json and the database it names; the file is DIR/first-view.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NodeEngine } from '../src/lib/core/engine/node';
import type { SourceManifest } from '../src/lib/core/engine/source';
import { FIRST_VIEW_FILE } from '../src/lib/session/bundle';
import { computeFirstView } from '../src/lib/dashboard/first-view';

export async function writeFirstView(dir: string): Promise<void> {
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as SourceManifest;
	const engine = await NodeEngine.open(join(dir, manifest.database), { access_mode: 'READ_ONLY' });
	try {
		writeFileSync(join(dir, FIRST_VIEW_FILE), JSON.stringify(await computeFirstView(engine, manifest)));
	} finally {
		await engine.close();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { values } = parseArgs({ options: { data: { type: 'string', default: 'data/generated' } } });
	await writeFirstView(values.data);
	console.log(`${join(values.data, FIRST_VIEW_FILE)}: the dashboard's first view`);
}
