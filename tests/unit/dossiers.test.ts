/** The dossier list at the end of the drill path, on the basic fixture (outcomes by hand in expected.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { period } from '../../src/lib/core/domain/periods';
import { queryDossiers } from '../../src/lib/core/engine/metrics';
import type { NodeEngine } from '../../src/lib/core/engine/node';
import { openFixture } from './helpers';

const Q1 = period({ kind: 'reporting', span: 'quarter', year: 2023, index: 1, cutoffDay: 15 });
let engine: NodeEngine;
beforeAll(async () => {
	engine = await openFixture('basic');
});
afterAll(async () => {
	await engine.close();
});

describe('the dossiers of quarter I 2023', () => {
	it('lists overdue first by days late, then late ones, then the rest in order of receipt', async () => {
		const rows = await queryDossiers(engine, { period: Q1, limit: 100, offset: 0 });
		expect(rows.map((r) => [r.id, r.outcome, r.days_late])).toEqual([
			['F15', 'overdue', 103], // due 1/12/2022, still open on 14/3/2023
			['F10', 'overdue', 4], // due 10/3, resolved only on 20/3
			['F12', 'overdue', 0], // due 14/3 17:00, open at the end of that day
			['F09', 'late', 1], // due 1/2, resolved 2/2
			['F07', 'late', 0], // due 10/1 17:00, resolved 17:30 the same day
			['F16', 'withdrawn', null],
			['F01', 'early', null],
			['F03', 'early', null],
			['F04', 'on_time', null],
			['F08', 'on_time', null],
			['F13', 'withdrawn', null],
			['F17', 'early', null],
			['F18', 'early', null],
			['F19', 'early', null],
			['F20', 'on_time', null],
			['F21', 'early', null],
			['F22', 'on_time', null],
			['F14', 'not_yet_due', null], // received 10/3 10:00
			['F11', 'not_yet_due', null], // received 13/3 09:00
			['F05', 'not_yet_due', null] // received 14/3 23:59:59
		]);
		expect(rows[0]).toMatchObject({ total: 20, received_at: '2022-11-20 10:00:00', due_at: '2022-12-01 23:59:59', apology_issued: true, channel: 'in_person' });
	});

	it('pages, and follows the drill path filters', async () => {
		const page2 = await queryDossiers(engine, { period: Q1, limit: 3, offset: 3 });
		expect(page2.map((r) => r.id)).toEqual(['F09', 'F07', 'F16']);
		const commune = await queryDossiers(engine, { period: Q1, filters: { agencies: ['C1'], fields: ['Hộ tịch'] }, limit: 100, offset: 0 });
		expect(commune.map((r) => r.id)).toEqual(['F16', 'F13', 'F18', 'F21', 'F22', 'F11', 'F05']);
		expect(commune[0].total).toBe(7);
	});
});
