import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, NO_FILTERS, drillDown, drillTo, drillUp, nextStep, parseView, serializeView, showDossiers, viewFilters, withUnits, type ViewState } from '../../src/lib/dashboard/view';

const deep: ViewState = {
	period: 'r15-quarter-2023-1',
	drill: { level: 'commune', agency: 'C1', field: 'Hộ tịch', procedure: '3.000001' },
	dossiers: true,
	page: 3,
	sort: { metric: 'overdue', descending: true },
	filters: { ...NO_FILTERS, channels: ['online_full', 'online_partial'] },
	units: 'current',
	lang: 'en',
	soon: 2,
	dueSoonOnly: false
};

describe('the view in the URL', () => {
	it.each([
		['the default view', DEFAULT_VIEW, ''],
		[
			'a deep drill with filters, a sort and a page, in English',
			deep,
			'period=r15-quarter-2023-1&level=commune&agency=C1&field=H%E1%BB%99+t%E1%BB%8Bch&procedure=3.000001&view=dossiers&page=3&sort=-overdue&channels=online_full%2Conline_partial&units=current&lang=en'
		],
		['the dossiers due soon within 3 working days', { ...DEFAULT_VIEW, dossiers: true, soon: 3, dueSoonOnly: true }, 'view=dossiers&soon=3&outcome=due_soon'],
		['levels chosen in the filter bar', { ...DEFAULT_VIEW, filters: { ...NO_FILTERS, levels: ['province', 'commune'] } }, 'levels=province%2Ccommune'],
		[
			'fields with a comma in their name, and two agencies',
			{ ...DEFAULT_VIEW, sort: { metric: 'online_share', descending: false }, filters: { ...NO_FILTERS, agencies: ['P1', 'D1'], fields: ['Xuất bản, In và Phát hành'] } },
			'sort=online_share&agencies=P1&agencies=D1&fields=Xu%E1%BA%A5t+b%E1%BA%A3n%2C+In+v%C3%A0+Ph%C3%A1t+h%C3%A0nh'
		]
	] as [string, ViewState, string][])('%s round-trips', (_, view, query) => {
		expect(serializeView(view).toString()).toBe(query);
		expect(parseView(new URLSearchParams(query))).toEqual(view);
	});

	it('reads the due-soon filter with the list only, and an unreadable setting as the default', () => {
		expect(parseView(new URLSearchParams('outcome=due_soon')).dueSoonOnly).toBe(false);
		expect(parseView(new URLSearchParams('soon=0')).soon).toBe(2);
		expect(serializeView({ ...DEFAULT_VIEW, dueSoonOnly: true }).toString()).toBe('');
		// Leaving the list for a drill, or opening the whole list, drops the filter; the setting stays.
		const list = { ...DEFAULT_VIEW, dossiers: true, dueSoonOnly: true, soon: 5 };
		expect(drillDown(list, 'province')).toMatchObject({ dossiers: false, dueSoonOnly: false, soon: 5 });
		expect(showDossiers(list)).toMatchObject({ dossiers: true, dueSoonOnly: false, soon: 5 });
	});

	it('ignores what it does not know and a drill step without the one before it', () => {
		const v = parseView(new URLSearchParams('level=planet&agency=C1&channels=fax,online_full&lang=fr&sort=-shoe_size&page=x'));
		expect(v).toEqual({ ...DEFAULT_VIEW, filters: { ...NO_FILTERS, channels: ['online_full'] } });
		expect(parseView(new URLSearchParams('agency=C1')).drill).toEqual({});
		// A page number means something only in the dossier list.
		expect(parseView(new URLSearchParams('page=4')).page).toBe(1);
	});
});

describe('the two ways to count units in the URL', () => {
	it('counts as the units were unless the address says units=current', () => {
		expect(parseView(new URLSearchParams('units=current')).units).toBe('current');
		for (const q of ['units=received', 'units=now', '']) expect(parseView(new URLSearchParams(q)).units, q).toBe('received');
		expect(serializeView({ ...DEFAULT_VIEW, units: 'current' }).toString()).toBe('units=current');
	});

	it('switching ways keeps the period, the level (but the district, which today’s units lack) and the other filters, and leaves units of the other way', () => {
		expect(withUnits(deep, 'current')).toBe(deep);
		const v = withUnits(deep, 'received');
		expect(v).toEqual({ ...deep, units: 'received', drill: { level: 'commune' }, dossiers: false, page: 1 });
		const district: ViewState = { ...DEFAULT_VIEW, drill: { level: 'district', agency: 'D1' }, filters: { ...NO_FILTERS, levels: ['district', 'commune'], agencies: ['D1'], fields: ['Đất đai'] } };
		expect(withUnits(district, 'current')).toEqual({ ...DEFAULT_VIEW, units: 'current', filters: { ...NO_FILTERS, levels: ['commune'], fields: ['Đất đai'] } });
		expect(serializeView(withUnits(district, 'current')).toString()).toBe('levels=commune&fields=%C4%90%E1%BA%A5t+%C4%91ai&units=current');
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
		v = { ...drillDown(v, 'ignored'), page: 2 };
		expect(v.dossiers).toBe(true);
		expect(drillUp(v, 'agency')).toMatchObject({ drill: { level: 'commune', agency: 'C1' }, dossiers: false, page: 1 });
		expect(drillUp(v, null).drill).toEqual({});
	});

	it('drills straight to an agency with its level, and lists the dossiers from anywhere', () => {
		const v = drillTo(DEFAULT_VIEW, { level: 'district', agency: 'D1' });
		expect(serializeView(v).toString()).toBe('level=district&agency=D1');
		expect(serializeView(showDossiers(DEFAULT_VIEW)).toString()).toBe('view=dossiers');
	});

	it('intersects the drill path with the filter bar', () => {
		const v: ViewState = { ...DEFAULT_VIEW, drill: { level: 'district', agency: 'D1' }, filters: { ...NO_FILTERS, levels: ['district', 'province'], channels: ['postal'] } };
		expect(viewFilters(v)).toEqual({ levels: ['district'], agencies: ['D1'], fields: undefined, procedures: undefined, channels: ['postal'] });
		expect(viewFilters({ ...v, drill: {} }).levels).toEqual(['district', 'province']);
		// Drilled into a level the filter bar leaves out: nothing matches.
		expect(viewFilters({ ...v, filters: { ...v.filters, levels: ['commune'] } }).levels).toEqual([]);
		expect(viewFilters(DEFAULT_VIEW)).toEqual({ levels: undefined, agencies: undefined, fields: undefined, procedures: undefined, channels: undefined });
	});
});
