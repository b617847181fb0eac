/**
 * The report page's view model: from the figures of a report (data.ts) to what the page
 * draws — every cell as the form prints it, the title lines, the annex numbered through —
 * and to the files it writes (CSV; the workbook's title). Pure functions: no DOM, no engine.
 */
import { csvHeader, csvValue } from '../core/charts/types';
import { addressedPeriod, latestCompletePeriod, periodContaining, periodKey, previousPeriod, type Period } from '../core/domain/periods';
import type { DossierListRow } from '../core/domain/query';
import type { Units } from '../core/domain/succession';
import type { Level } from '../core/domain/types';
import type { Catalog } from '../core/engine/catalog';
import type { DatasetInfo } from '../core/engine/source';
import { toCsv } from '../core/export/csv';
import { fileSlug } from '../core/export/download';
import { formatCount, formatDay, formatMoment, formatPercent, type Locale } from '../core/format/format';
import { LEVEL_NAMES, t } from './messages';
import { periodName } from '../core/i18n/periods';
import { UNITS_DEFINITIONS, UNITS_NAMES } from '../core/i18n/messages';
import { serializeReport, type ReportQuery } from './address';
import type { AnnexGroup, Report, RowNames } from './data';
import { brokenIdentities, type FormRow } from './form';
import { annexHeader, annexLines, reportLayout, rowFigures, type ReportColumn, type ReportLayout } from './table';
import type { WorkbookTitle } from './xlsx';

type Dataset = Pick<DatasetInfo, 'province' | 'dataAsOf' | 'cutoffDay'>;

/** The period a report's address asks for: its own, or the latest complete reporting quarter. */
export function reportPeriod(q: Pick<ReportQuery, 'period'>, info: Pick<Dataset, 'dataAsOf' | 'cutoffDay'>): Period {
	return addressedPeriod(q.period, info.dataAsOf, info.cutoffDay);
}

/** The names the form's rows are given in a language: levels, an unknown agency, the total. */
export function rowNames(locale: Locale): RowNames {
	return { level: (l: Level | null) => (l ? LEVEL_NAMES[locale][l] : t(locale, 'unknownLevel')), unknown: t(locale, 'unknown'), total: t(locale, 'total') };
}

/** A report's address in its one written form: the same for two addresses of the same report. */
export const reportKey = (q: ReportQuery): string => serializeReport(q).toString();

/** A figure as the form prints it: a dash for nothing (and for zero, as the seed reports do). */
export function cell(v: number | null, kind: ReportColumn['kind'], locale: Locale): string {
	if (v === null) return '–';
	if (kind === 'rate') return formatPercent(v, locale);
	return v === 0 ? '–' : formatCount(v, locale);
}

/** A row of the form as the screen draws it: every figure already printed. */
export interface FormLine {
	/** Stable across reports (kind, level, item): the row's key when the table is redrawn. */
	id: string;
	kind: FormRow['kind'];
	number: string;
	label: string;
	title?: string;
	key: string | null;
	/** The figures in column order, printed. */
	cells: string[];
}

/** The form on screen: its heading, header and rows. */
export interface FormView {
	/** "Tỉnh Quảng Ngãi" */
	province: string;
	/** The period and its days; the day of issue and the data's last day. */
	lines: string[];
	layout: ReportLayout;
	rows: FormLine[];
	compare: boolean;
	/** How many rows break one of the form's identities (none, in sound data). */
	broken: number;
}

export function formLines(report: Report, layout: ReportLayout, compare: boolean, locale: Locale): FormLine[] {
	const kinds = layout.columns.map((c) => c.kind);
	return report.rows.map((row) => ({
		id: JSON.stringify([row.kind, row.level, row.key]),
		kind: row.kind,
		number: row.number,
		label: row.label,
		title: row.title,
		key: row.key,
		cells: rowFigures(row, compare).map((v, i) => cell(v, kinds[i], locale))
	}));
}

/**
 * The lines under the form's title: the period with its first and last days; the day of
 * issue and the data's last day; which way units are counted, and what that means.
 */
export function titleLines(report: Pick<Report, 'period'>, info: Pick<Dataset, 'dataAsOf'>, issued: string, locale: Locale, units: Units = 'received'): string[] {
	const p = report.period;
	return [
		t(locale, 'reportPeriodLine', { period: periodName(p, locale), first: formatDay(p.first), last: formatDay(p.last) }),
		`${t(locale, 'reportIssued', { day: formatDay(issued) })} · ${t(locale, 'reportDataAsOf', { day: formatDay(info.dataAsOf) })}`,
		`${UNITS_NAMES[locale][units]}: ${UNITS_DEFINITIONS[locale][units]}`
	];
}

export const provinceLine = (info: Pick<Dataset, 'province'>, locale: Locale) => `${t(locale, 'province')} ${info.province}`;

export function formView(report: Report, q: Pick<ReportQuery, 'grouping' | 'compare'> & Partial<Pick<ReportQuery, 'units'>>, info: Dataset, issued: string, locale: Locale): FormView {
	const layout = reportLayout(report, q.grouping, q.compare, locale);
	return {
		province: provinceLine(info, locale),
		lines: titleLines(report, info, issued, locale, q.units),
		layout,
		rows: formLines(report, layout, q.compare, locale),
		compare: q.compare,
		broken: report.rows.filter((r) => r.counts && brokenIdentities(r.counts).length > 0).length
	};
}

// ---- The annex

/** A short annex opens whole; a long one (thousands of dossiers in a year) opens agency by agency. */
export const ANNEX_OPEN_UP_TO = 200;

export const annexCount = (groups: readonly AnnexGroup[]) => groups.reduce((n, g) => n + g.dossiers.length, 0);

/** The agencies open when an annex is first drawn: all of them in a short annex, none in a long one. */
export function openAtFirst(groups: readonly AnnexGroup[]): Set<string> {
	return new Set(annexCount(groups) <= ANNEX_OPEN_UP_TO ? groups.map((g) => g.agencyId) : []);
}

/** The open agencies after a click on one: open becomes closed, closed open. */
export function toggled(open: ReadonlySet<string>, agencyId: string): Set<string> {
	const next = new Set(open);
	if (!next.delete(agencyId)) next.add(agencyId);
	return next;
}

/** An agency's heading in the annex. */
export interface AnnexAgency {
	id: string;
	label: string;
	title?: string;
	/** "Sở Tư pháp (2)" */
	heading: string;
	/** "0 đang quá hạn · 2 giải quyết quá hạn" */
	counts: string;
	/** Its first dossier's number in the annex's running count, less one. */
	before: number;
	group: AnnexGroup;
}

export interface AnnexView {
	count: number;
	/** The line above the list (empty when nothing is listed). */
	help: string;
	/** A long annex says that it opens agency by agency. */
	long: boolean;
	agencies: AnnexAgency[];
}

export function annexView(groups: readonly AnnexGroup[], report: Pick<Report, 'period'>, locale: Locale): AnnexView {
	const count = annexCount(groups);
	let before = 0;
	const agencies = groups.map((g) => {
		const overdue = g.dossiers.filter((d) => d.outcome === 'overdue').length;
		const a: AnnexAgency = {
			id: g.agencyId,
			label: g.label,
			title: g.title,
			heading: `${g.label} (${formatCount(g.dossiers.length, locale)})`,
			counts: t(locale, 'annexCounts', { overdue: formatCount(overdue, locale), late: formatCount(g.dossiers.length - overdue, locale) }),
			before,
			group: g
		};
		before += g.dossiers.length;
		return a;
	});
	return {
		count,
		help: count === 0 ? '' : t(locale, 'annexHelp', { n: formatCount(count, locale), last: formatDay(report.period.last) }),
		long: count > ANNEX_OPEN_UP_TO,
		agencies
	};
}

/** A dossier of the annex as the screen draws it. */
export interface AnnexLine {
	id: string;
	number: string;
	procedure: string;
	/** The procedure's name, for its code's tooltip. */
	procedureName?: string;
	due: string;
	outcome: DossierListRow['outcome'];
	status: string;
	daysLate: string;
	apology: string;
}

/** An open agency's dossiers, numbered on from `before`. */
export function annexRows(agency: Pick<AnnexAgency, 'before' | 'group'>, catalog: Pick<Catalog, 'procedures'>, locale: Locale): AnnexLine[] {
	return agency.group.dossiers.map((d, i) => ({
		id: d.id,
		number: String(agency.before + i + 1),
		procedure: d.procedure_code,
		procedureName: catalog.procedures.get(d.procedure_code)?.name,
		due: formatMoment(d.due_at),
		outcome: d.outcome,
		status: t(locale, d.outcome === 'overdue' ? 'annexOverdue' : 'annexLate'),
		daysLate: formatCount(d.days_late ?? 0, locale),
		apology: t(locale, d.apology_issued ? 'yes' : 'no')
	}));
}

// ---- Files

export interface CsvFile {
	name: string;
	text: string;
}

const slug = (report: Pick<Report, 'period'>, what: string) => fileSlug(what, periodName(report.period, 'vi'));

/** The form as CSV: the long column names, numbers as numbers, rates in per cent. */
export function formCsv(report: Report, layout: ReportLayout, compare: boolean): CsvFile {
	const header = [...layout.leading, ...layout.columns.map((c) => csvHeader(c.long, c.kind))];
	const body = report.rows.map((row) => [row.number, row.label, ...rowFigures(row, compare).map((v, i) => csvValue(v, layout.columns[i].kind))]);
	return { name: `${slug(report, 'bieu-06')}.csv`, text: toCsv(header, body) };
}

/** The annex as CSV, one dossier a line. */
export function annexCsv(report: Pick<Report, 'period'>, groups: readonly AnnexGroup[], locale: Locale): CsvFile {
	return { name: `${slug(report, 'phu-luc-ho-so-tre-han')}.csv`, text: toCsv(annexHeader(locale), annexLines(groups, locale)) };
}

export const workbookName = (report: Pick<Report, 'period'>) => `${slug(report, 'bieu-06')}.xlsx`;

export function workbookTitle(report: Pick<Report, 'period'>, info: Dataset, issued: string, locale: Locale, compare: boolean, units: Units = 'received'): WorkbookTitle {
	return { province: provinceLine(info, locale), lines: titleLines(report, info, issued, locale, units), locale, compare };
}

// ---- The next report

/**
 * The reports a person is likely to open from this one, asked for while they read it: the
 * year holding its period (as the period picker chooses it: the latest complete one when
 * that year is not over), then the period before. Custom ranges and years lead nowhere likely.
 */
export function likelyNext(q: ReportQuery, info: Pick<Dataset, 'dataAsOf' | 'cutoffDay'>): ReportQuery[] {
	const p = reportPeriod(q, info);
	const s = p.spec;
	if (s.kind === 'custom') return [];
	const out: Period[] = [];
	if (s.span !== 'year') {
		const cutoff = s.kind === 'reporting' ? s.cutoffDay : info.cutoffDay;
		const year = periodContaining(p.last, s.kind, 'year', cutoff);
		out.push(year.last <= info.dataAsOf ? year : latestCompletePeriod(info.dataAsOf, s.kind, 'year', cutoff));
	}
	out.push(previousPeriod(p));
	return out.map((period) => ({ ...q, period: periodKey(period) }));
}
