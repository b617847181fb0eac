/** The report's options in the address: defaults left out, everything else round-trips. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT, parseReport, serializeReport } from '../../src/lib/report/address';

describe('report options in the address', () => {
	it('leave the defaults out: every level, by agency, no comparison, Vietnamese', () => {
		expect(serializeReport(DEFAULT_REPORT).toString()).toBe('');
		expect(parseReport(new URLSearchParams())).toEqual(DEFAULT_REPORT);
	});

	it('round-trip a period, some levels, the grouping by field, the comparison, today’s units and English', () => {
		const q = { period: 'r20-year-2025-1', levels: ['district', 'commune'], grouping: 'field', compare: true, units: 'current', lang: 'en' } as const;
		const s = serializeReport({ ...q, levels: [...q.levels] }).toString();
		expect(s).toBe('period=r20-year-2025-1&levels=district%2Ccommune&group=field&compare=1&units=current&lang=en');
		expect(parseReport(new URLSearchParams(s))).toEqual({ ...q, levels: [...q.levels] });
	});

	it('keep "no level" apart from "every level", and drop unknown levels', () => {
		expect(parseReport(new URLSearchParams('levels=')).levels).toEqual([]);
		expect(serializeReport({ ...DEFAULT_REPORT, levels: [] }).toString()).toBe('levels=');
		expect(parseReport(new URLSearchParams('levels=commune,ward,province')).levels).toEqual(['province', 'commune']);
	});

	it('count as the units were unless the address says units=current', () => {
		expect(parseReport(new URLSearchParams('units=current')).units).toBe('current');
		for (const q of ['units=received', 'units=today', 'units=', '']) expect(parseReport(new URLSearchParams(q)).units, q).toBe('received');
		expect(serializeReport({ ...DEFAULT_REPORT, units: 'received' }).toString()).toBe('');
	});
});
