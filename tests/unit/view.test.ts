import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, drillDown, drillUp, nextStep, parseView, serializeView, viewFilters, type ViewState } from '../../src/lib/state/view';

const deep: ViewState = {
	period: 'r15-quarter-2023-1',
	drill: { level: 'commune', agency: 'C1', field: 'Hộ tịch', procedure: '3.000001' },
	dossiers: true,
	filters: { levels: [], channels: ['online_full', 'online_partial'] },
	lang: 'en'
};

describe('the view in the URL', () => {
	it.each([
		['the default view', DEFAULT_VIEW, ''],
		['a deep drill with filters, in English', deep, 'period=r15-quarter-2023-1&level=commune&agency=C1&field=H%E1%BB%99+t%E1%BB%8Bch&procedure=3.000001&view=dossiers&channels=online_full%2Conline_partial&lang=en'],
		['levels chosen in the filter bar', { ...DEFAULT_VIEW, filters: { levels: ['province', 'commune'], channels: [] } }, 'levels=province%2Ccommune']
	] as [string, ViewState, string][])('%s round-trips', (_, view, query) => {
		expect(serializeView(view).toString()).toBe(query);
		expect(parseView(new URLSearchParams(query))).toEqual(view);
	});

	it('ignores what it does not know and a drill step without the one before it', () => {
		const v = parseView(new URLSearchParams('level=planet&agency=C1&channels=fax,online_full&lang=fr&view=dossiers'));
		expect(v).toEqual({ ...DEFAULT_VIEW, filters: { levels: [], channels: ['online_full'] } });
		expect(parseView(new URLSearchParams('agency=C1')).drill).toEqual({});
	});
});

describe('drilling', () => {
	it('goes province → level → agency → field → procedure → dossiers and back up', () => {
		let v = DEFAULT_VIEW;
		const path = ['commune', 'C1', 'Hộ tịch', '3.000001'];
		for (const key of path) {
			expect(nextStep(v)).not.toBeNull();
			v = drillDown(v, key);
		}
		expect(v.drill).toEqual({ level: 'commune', agency: 'C1', field: 'Hộ tịch', procedure: '3.000001' });
		expect(nextStep(v)).toBeNull();
		v = drillDown(v, 'ignored');
		expect(v.dossiers).toBe(true);
		expect(drillUp(v, 'agency')).toMatchObject({ drill: { level: 'commune', agency: 'C1' }, dossiers: false });
		expect(drillUp(v, null).drill).toEqual({});
	});

	it('combines the drill path with the filter bar; the drilled level wins over the chosen levels', () => {
		const v: ViewState = { ...DEFAULT_VIEW, drill: { level: 'district', agency: 'D1' }, filters: { levels: ['province'], channels: ['postal'] } };
		expect(viewFilters(v)).toEqual({ levels: ['district'], agencies: ['D1'], fields: [], procedures: [], channels: ['postal'] });
		expect(viewFilters({ ...v, drill: {} }).levels).toEqual(['province']);
	});
});
