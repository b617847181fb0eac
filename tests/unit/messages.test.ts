/**
 * The messages (docs/ARCHITECTURE.md, "Messages"): each feature's `t` over the core's words
 * and its own, the same placeholders in both languages, one Roman numeral function, and the
 * public page naming its periods as the other pages do.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { period } from '../../src/lib/core/domain/periods';
import { roman } from '../../src/lib/core/format/format';
import { CORE_MESSAGES, fill, join, t as coreT } from '../../src/lib/core/i18n/messages';
import { periodName, periodRange } from '../../src/lib/core/i18n/periods';
import { DASHBOARD_MESSAGES, t as dashboardT } from '../../src/lib/dashboard/messages';
import { DATA_MESSAGES, FIELD_NAMES, FORMAT_NAMES } from '../../src/lib/data/messages';
import { INGEST_MESSAGES, REASONS, REFUSALS } from '../../src/lib/ingest/messages';
import { PUBLIC_MESSAGES, publicPeriodName, t as publicT } from '../../src/lib/public/messages';
import { COLUMN_NAMES, GROUP_NAMES, REPORT_MESSAGES } from '../../src/lib/report/messages';
import { SCENE_NAMES, WALL_MESSAGES } from '../../src/lib/wall/messages';

const CATALOGUES = { core: CORE_MESSAGES, dashboard: DASHBOARD_MESSAGES, report: REPORT_MESSAGES, ingest: INGEST_MESSAGES, data: DATA_MESSAGES, wall: WALL_MESSAGES, public: PUBLIC_MESSAGES };
const NAMES = { FIELD_NAMES, FORMAT_NAMES, REASONS, REFUSALS, COLUMN_NAMES, GROUP_NAMES, SCENE_NAMES };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
	it('fills placeholders, and leaves one without a value as it is', () => {
		expect(fill('{n} hồ sơ đến hết ngày {day}', { n: 3 })).toBe('3 hồ sơ đến hết ngày {day}');
		expect(dashboardT('vi', 'showAll', { n: 12 })).toBe('Hiện tất cả 12 dòng');
		expect(dashboardT('en', 'total')).toBe(coreT('en', 'total'));
	});

	it('says each message with the same placeholders in Vietnamese and English', () => {
		for (const [name, c] of [...Object.entries(CATALOGUES), ...Object.entries(NAMES)]) {
			const vi = c.vi as Record<string, string>;
			const en = c.en as Record<string, string>;
			expect(Object.keys(en).sort(), name).toEqual(Object.keys(vi).sort());
			for (const key of Object.keys(vi)) expect(placeholders(en[key]), `${name}.${key}`).toEqual(placeholders(vi[key]));
		}
	});

	it('gives every feature the core words, and refuses at compile time a key twice or a key nobody has', () => {
		for (const c of Object.values(CATALOGUES)) expect(c.vi).toMatchObject(CORE_MESSAGES.vi);
		// @ts-expect-error a feature's word may not hide the core's
		expect(() => join(CORE_MESSAGES, { vi: { total: 'x' }, en: { total: 'y' } })).not.toThrow();
		// @ts-expect-error a key that no catalogue holds
		const unknown = () => publicT('vi', 'wall_title');
		expect(unknown).toThrow();
	});

	it('puts no key together from a prefix and a cast: closed sets have records', () => {
		const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? files(path.join(dir, n)) : /\.(ts|svelte)$/.test(n) ? [path.join(dir, n)] : []));
		expect([...files('src'), ...files('scripts')].filter((f) => readFileSync(f, 'utf8').includes('as MessageKey'))).toEqual([]);
	});

	it('writes Roman numerals with one function', () => {
		expect([1, 2, 3, 4, 5, 9, 14, 40, 1994].map(roman)).toEqual(['I', 'II', 'III', 'IV', 'V', 'IX', 'XIV', 'XL', 'MCMXCIV']);
		expect(() => roman(0)).toThrow();
	});

	it('names the public page’s periods as the other pages name them', () => {
		const quarter = period({ kind: 'reporting', span: 'quarter', year: 2023, index: 4, cutoffDay: 15 });
		const month = period({ kind: 'reporting', span: 'month', year: 2023, index: 3, cutoffDay: 15 });
		const published = (p: typeof quarter, kind: 'reporting-quarter' | 'reporting-month') => ({ first: p.first, last: p.last, kind, index: p.spec.kind === 'custom' ? 0 : p.spec.index, year: 2023 });
		for (const locale of ['vi', 'en'] as const) {
			expect(publicPeriodName(published(quarter, 'reporting-quarter'), locale)).toBe(`${periodName(quarter, locale)} (${periodRange(quarter)})`);
			expect(publicPeriodName(published(month, 'reporting-month'), locale)).toBe(periodName(month, locale));
		}
		expect(publicPeriodName(published(quarter, 'reporting-quarter'), 'vi')).toBe('Quý IV/2023 (15/9/2023 – 14/12/2023)');
		expect(publicPeriodName(published(quarter, 'reporting-quarter'), 'en')).toBe('Quarter IV 2023 (15/9/2023 – 14/12/2023)');
		expect(publicPeriodName(published(month, 'reporting-month'), 'vi')).toBe('Tháng 3/2023');
		expect(publicPeriodName({ first: '2022-12-15', last: '2023-03-31', kind: 'year-to-date', index: 0, year: 2023 }, 'vi')).toBe('Từ đầu năm 2023 đến hết ngày 31/3/2023');
	});
});
