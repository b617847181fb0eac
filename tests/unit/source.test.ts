/**
 * What the page learns of the data before any view (engine/source.ts), on the basic fixture:
 * 22 dossiers in tests/fixtures/basic/dossiers.csv, the first received on 20/11/2022 (F15).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/lib/core/engine/node';
import { datasetInfo } from '../../src/lib/core/engine/source';
import { openFixture } from './helpers';

let engine: NodeEngine;
beforeAll(async () => (engine = await openFixture('basic')));
afterAll(() => engine.close());

describe('the dataset facts', () => {
	it('are written beside the data by the database writer', async () => {
		const rows = await engine.query<{ key: string; value: string }>("SELECT key, value FROM dataset WHERE key IN ('dossiers', 'data_from') ORDER BY key");
		expect(rows).toEqual([
			{ key: 'data_from', value: '2022-11-20' },
			{ key: 'dossiers', value: '22' }
		]);
		expect(await datasetInfo(engine)).toMatchObject({ province: 'Fixture', dataAsOf: '2023-03-31', dataFrom: '2022-11-20', dossiers: 22, cutoffDay: 15 });
	});

	it('are counted from the dossiers when a file written elsewhere lacks them', async () => {
		await engine.run("CREATE TABLE dataset_written AS SELECT * FROM dataset; DELETE FROM dataset WHERE key IN ('dossiers', 'data_from')");
		try {
			expect(await datasetInfo(engine)).toMatchObject({ dataFrom: '2022-11-20', dossiers: 22 });
		} finally {
			await engine.run('DELETE FROM dataset; INSERT INTO dataset SELECT * FROM dataset_written; DROP TABLE dataset_written');
		}
	});
});
