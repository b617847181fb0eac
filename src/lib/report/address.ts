/**
 * The report page's options in the address (/report?…): the period, the levels, the
 * grouping, the comparison columns, the way units are counted and the language. A link reopens the same report.
 */
import type { Locale } from '../core/format/format';
import { LEVELS, type Level } from '../core/domain/types';
import { parseUnits, type Units } from '../core/domain/succession';
import type { Grouping } from './form';

export interface ReportQuery {
	/** periodKey(); null: the latest complete reporting quarter. */
	period: string | null;
	levels: Level[];
	grouping: Grouping;
	compare: boolean;
	/** As the units were (the default: what the form requires for a past period) or by today's units. */
	units: Units;
	lang: Locale;
}

export const DEFAULT_REPORT: ReportQuery = { period: null, levels: [...LEVELS], grouping: 'agency', compare: false, units: 'received', lang: 'vi' };

export function parseReport(params: URLSearchParams): ReportQuery {
	const levels = params.get('levels');
	return {
		period: params.get('period'),
		// Missing: every level. Present but empty: none (the page asks for one).
		levels: levels === null ? [...LEVELS] : LEVELS.filter((l) => levels.split(',').includes(l)),
		grouping: params.get('group') === 'field' ? 'field' : 'agency',
		compare: params.get('compare') === '1',
		units: parseUnits(params.get('units')),
		lang: params.get('lang') === 'en' ? 'en' : 'vi'
	};
}

/** The parameters of a report, leaving out what is at its default. */
export function serializeReport(q: ReportQuery): URLSearchParams {
	const p = new URLSearchParams();
	if (q.period) p.set('period', q.period);
	if (!LEVELS.every((l) => q.levels.includes(l))) p.set('levels', LEVELS.filter((l) => q.levels.includes(l)).join(','));
	if (q.grouping !== 'agency') p.set('group', q.grouping);
	if (q.compare) p.set('compare', '1');
	if (q.units !== 'received') p.set('units', q.units);
	if (q.lang !== 'vi') p.set('lang', q.lang);
	return p;
}
