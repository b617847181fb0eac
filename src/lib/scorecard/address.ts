/**
 * The scorecard's options in the address (/scorecard?…): the period, the levels, the rows
 * (agencies, fields or levels), the unit whose indicators are opened and the language. A link
 * reopens the same scorecard. The way units are counted too: as they were at receipt (the
 * default) or by today's units.
 */
import type { Locale } from '../core/format/format';
import { LEVELS, type Level } from '../core/domain/types';
import { parseUnits, type Units } from '../core/domain/succession';
import type { ScorecardGrouping } from './data';

export interface ScorecardQuery {
	/** periodKey(); null: the latest complete reporting quarter. */
	period: string | null;
	levels: Level[];
	grouping: ScorecardGrouping;
	/** The key of the unit whose indicators are shown; null: those of every unit together. */
	unit: string | null;
	/** As the units were when they received the dossiers (the default) or by today's units. */
	units: Units;
	lang: Locale;
}

export const DEFAULT_SCORECARD: ScorecardQuery = { period: null, levels: [...LEVELS], grouping: 'agency', unit: null, units: 'received', lang: 'vi' };

const GROUPINGS: readonly ScorecardGrouping[] = ['agency', 'field', 'level'];

export function parseScorecard(params: URLSearchParams): ScorecardQuery {
	const levels = params.get('levels');
	const group = params.get('group') as ScorecardGrouping | null;
	return {
		period: params.get('period'),
		// Missing: every level. Present but empty: none (the page asks for one).
		levels: levels === null ? [...LEVELS] : LEVELS.filter((l) => levels.split(',').includes(l)),
		grouping: group && GROUPINGS.includes(group) ? group : 'agency',
		unit: params.get('unit') || null,
		units: parseUnits(params.get('units')),
		lang: params.get('lang') === 'en' ? 'en' : 'vi'
	};
}

/** The parameters of a scorecard, leaving out what is at its default. */
export function serializeScorecard(q: ScorecardQuery): URLSearchParams {
	const p = new URLSearchParams();
	if (q.period) p.set('period', q.period);
	if (!LEVELS.every((l) => q.levels.includes(l))) p.set('levels', LEVELS.filter((l) => q.levels.includes(l)).join(','));
	if (q.grouping !== 'agency') p.set('group', q.grouping);
	if (q.unit) p.set('unit', q.unit);
	if (q.units !== 'received') p.set('units', q.units);
	if (q.lang !== 'vi') p.set('lang', q.lang);
	return p;
}
