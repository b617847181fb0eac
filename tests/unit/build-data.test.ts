/**
 * The data copied into the site (scripts/build.mjs, copyData): the database named by its
 * content, the manifest and the first view naming that copy. The page reads the file in
 * place, range by range, so new data must never replace old data under the same name.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyData } from '../../scripts/build.mjs';
import type { SourceManifest } from '../../src/lib/core/engine/source';
import { bundleFor, type FirstViewFile } from '../../src/lib/session/bundle';
import { Coordinator } from '../../src/lib/core/engine/coordinator';
import { datasetInfo } from '../../src/lib/core/engine/source';
import type { Engine } from '../../src/lib/core/engine/types';
import { writeFixture } from '../e2e/fixture-data';

let work: string;
beforeAll(async () => {
	work = mkdtempSync(join(tmpdir(), 'build-data-'));
	await writeFixture('basic', join(work, 'a'));
	// The same fixture with one more dossier: other data, another file.
	await writeFixture('basic', join(work, 'b'), 'F23,1.000001,P1,2023-03-01 09:00:00,2023-03-03 23:59:59.999999,2023-03-02 10:00:00,,resolved,online_full,200000,true,true,true,5,false\n');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const read = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;

describe('the data copied into the site', () => {
	it('names the database by its content, and the manifest and the first view name the copy', async () => {
		const out = join(work, 'site-a');
		const manifest = copyData(join(work, 'a'), out) as SourceManifest;
		expect(manifest.database).toMatch(/^province-[0-9a-f]{16}\.duckdb$/);
		expect(readFileSync(join(out, 'data', manifest.database))).toEqual(readFileSync(join(work, 'a', 'province.duckdb')));
		expect(existsSync(join(out, 'data', 'province.duckdb'))).toBe(false);
		const written = read<SourceManifest>(join(out, 'data', 'manifest.json'));
		expect(written).toMatchObject({ database: manifest.database, size: 22, dataAsOf: '2023-03-31' });
		// The page uses the first view only when it names the very file the manifest names.
		const firstView = read<FirstViewFile>(join(out, 'data', 'first-view.json'));
		expect(firstView.source.database).toBe(manifest.database);
		const bundle = bundleFor(firstView, written);
		expect(bundle).not.toBeNull();
		expect(bundleFor(firstView, { ...written, database: 'province-0000000000000000.duckdb' })).toBeNull();
		// Its answers describe the data with no engine at all: one that never starts.
		const db = new Coordinator(new Promise<Engine>(() => {}));
		db.seed(bundle!);
		expect((await datasetInfo(db)).dossiers).toBe(22);
	});

	it('gives the same data the same name, and other data another', () => {
		const again = copyData(join(work, 'a'), join(work, 'site-a2')) as SourceManifest;
		const other = copyData(join(work, 'b'), join(work, 'site-b')) as SourceManifest;
		expect(again.database).toBe(read<SourceManifest>(join(work, 'site-a', 'data', 'manifest.json')).database);
		expect(other.database).not.toBe(again.database);
		expect(other.size).toBe(23);
	});
});
