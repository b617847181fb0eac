/**
 * The seeded generator of the sample province's dossiers. Same settings and seed, same
 * dossiers, byte for byte. It writes CSV rows of the dossiers' columns (schema.ts), in their
 * order; write-db.ts loads them into the DuckDB file the site opens.
 *
 * The shape follows the calibration of settings.json (from the seed reports): volume by
 * level and department, weekends and Tết, online share rising over the years, on-time rates
 * by level and field, withdrawals, dossiers still open at the end, ratings.
 */
import { daysBetween, type IsoDay } from '../../src/lib/core/domain/dates';
import { DOSSIER_COLUMNS, type DossierColumn } from '../../src/lib/core/domain/schema';
import type { Level } from '../../src/lib/core/domain/types';
import { CLOSE_OF_BUSINESS, WorkCalendar, timeSeries, type DayType, type HolidayRange } from './calendar';
import { buildCatalogue, PROVINCE, type AgencyDef, type Catalogue, type ProcedureDef } from './province';
import { Random, WeightedChoice } from './random';

export interface Settings {
	seed: number;
	start: IsoDay;
	reorganisation: { departments: IsoDay; localGovernment: IsoDay };
	levelShares: { before: Record<Level, number>; after: Partial<Record<Level, number>> };
	onlineShare: Record<IsoDay, number>;
	onlineFullOfOnline: Record<IsoDay, number>;
	postalOfPaper: number;
	onlinePaymentOfFeesOnline: Record<IsoDay, number>;
	onlinePaymentOfFeesPaper: number;
	digitised: Record<IsoDay, number>;
	resultElectronic: Record<IsoDay, number>;
	ratedShare: number;
	ratings: Record<'1' | '2' | '3' | '4' | '5', number>;
	onTimeOfEarlyOrOnTime: number;
	withdrawn: Record<string, number> & { default: number };
	stuck: number;
	apologyForLate: number;
	yearlyGrowth: number;
	dayWeights: Record<DayType, { desk: number; online: number }>;
	holidays: HolidayRange[];
	tet: IsoDay[];
}

export interface GenerateOptions {
	settings: Settings;
	/** How many dossiers in all, from the start day to the end day. */
	size: number;
	/** The last day of data (the day the export was taken). */
	end: IsoDay;
	/** Receives CSV lines (no header), in order of receipt. */
	emit: (line: string) => void;
}

const END_OF_DAY = '23:59:59.999999';

function pad2(n: number): string {
	return n < 10 ? `0${n}` : String(n);
}

/** Builds the catalogue for the settings' dates. */
function sampleCatalogue(settings: Settings): Catalogue {
	return buildCatalogue(settings.start, settings.reorganisation.departments, settings.reorganisation.localGovernment);
}

export function generate({ settings, size, end, emit }: GenerateOptions): { catalogue: Catalogue; count: number } {
	const random = new Random(settings.seed);
	const catalogue = sampleCatalogue(settings);
	const cal = new WorkCalendar(settings.start, end, settings.holidays, settings.tet);
	const lastDay = daysBetween(settings.start, end);
	const online = timeSeries(settings.onlineShare, settings.start);
	const fullOfOnline = timeSeries(settings.onlineFullOfOnline, settings.start);
	const payOnline = timeSeries(settings.onlinePaymentOfFeesOnline, settings.start);
	const digitised = timeSeries(settings.digitised, settings.start);
	const electronic = timeSeries(settings.resultElectronic, settings.start);
	const ratings = new WeightedChoice(['5', '4', '3', '2', '1'] as const, (r) => settings.ratings[r]);

	// Agencies by level for each era of the reorganisation.
	const eraOf = (day: IsoDay) => (day >= settings.reorganisation.localGovernment ? 2 : day >= settings.reorganisation.departments ? 1 : 0);
	const choosers = [0, 1, 2].map((era) => {
		const day = era === 0 ? settings.start : era === 1 ? settings.reorganisation.departments : settings.reorganisation.localGovernment;
		const valid = catalogue.agencies.filter((a) => a.valid_from <= day && (a.valid_to === null || a.valid_to >= day));
		const shares = era === 2 ? settings.levelShares.after : settings.levelShares.before;
		const levels = (Object.keys(shares) as Level[]).filter((l) => valid.some((a) => a.level === l));
		return {
			level: new WeightedChoice(levels, (l) => shares[l] ?? 0),
			agency: new Map(
				levels.map((l) => [
					l,
					new WeightedChoice(
						valid.filter((a) => a.level === l),
						(a) => a.weight
					)
				])
			)
		};
	});
	const procedureChoice = new Map<AgencyDef, { all: WeightedChoice<ProcedureDef>; online: WeightedChoice<ProcedureDef> }>();
	for (const a of catalogue.agencies) {
		const onlineCapable = a.procedures.filter((p) => p.online_service !== 'none');
		procedureChoice.set(a, {
			all: new WeightedChoice(a.procedures, (p) => p.weight),
			online: new WeightedChoice(onlineCapable.length ? onlineCapable : a.procedures, (p) => p.weight)
		});
	}

	// Spread `size` dossiers over the days by weight, exactly (cumulative rounding).
	const weights: number[] = [];
	for (let d = 0; d <= lastDay; d++) {
		const w = settings.dayWeights[cal.types[d]];
		const s = online(d);
		weights.push(Math.pow(1 + settings.yearlyGrowth, d / 365) * ((1 - s) * w.desk + s * w.online));
	}
	const totalWeight = weights.reduce((a, b) => a + b, 0);

	const lastInstant = lastDay * 1440 + 1439;
	const stamp = (abs: number, second: number) => `${cal.days[Math.floor(abs / 1440)]} ${pad2(Math.floor((abs % 1440) / 60))}:${pad2(abs % 60)}:${pad2(second)}`;
	/** A time during desk hours of a day, or just after `notBefore` when that is later (minutes from the start). */
	const closeAt = (day: number, notBefore: number): number => {
		const abs = day * 1440 + cal.deskMinute(day, random.next());
		return abs > notBefore ? abs : notBefore + 1 + random.int(0, 90);
	};

	let cumulative = 0;
	let emitted = 0;
	for (let day = 0; day <= lastDay; day++) {
		cumulative += (size * weights[day]) / totalWeight;
		const count = Math.min(size, Math.round(cumulative)) - emitted;
		const isoDay = cal.days[day];
		const era = choosers[eraOf(isoDay)];
		const w = settings.dayWeights[cal.types[day]];
		const s = online(day);
		const pOnline = (s * w.online) / (s * w.online + (1 - s) * w.desk);
		const serial = new Map<string, number>();
		const yymmdd = isoDay.slice(2).replace(/-/g, '');
		const received: { minute: number; line: string }[] = [];

		for (let k = 0; k < count; k++) {
			const level = era.level.pick(random);
			const agency = era.agency.get(level)!.pick(random);
			const isOnline = random.chance(pOnline);
			const procedure = (isOnline ? procedureChoice.get(agency)!.online : procedureChoice.get(agency)!.all).pick(random);
			const channel = isOnline ? (procedure.online_service === 'partial' || !random.chance(fullOfOnline(day)) ? 'online_partial' : 'online_full') : random.chance(settings.postalOfPaper) ? 'postal' : 'in_person';
			const minute = isOnline ? WorkCalendar.onlineMinute(random.next(), random.next()) : cal.deskMinute(day, random.next());
			const receivedAbs = day * 1440 + minute;

			// Due: n working days after receipt; a same-day procedure received after hours is due the next working day.
			const startDay = minute >= CLOSE_OF_BUSINESS ? day + 1 : day;
			const dueDay = cal.addWorking(startDay, procedure.days);
			// Software that keeps a due time sets the receipt's clock time (17:00 for same-day procedures
			// and receipts outside desk hours); the rest keep only the day, meaning its end.
			const dueMinute = !agency.timedDue ? null : procedure.days > 0 && minute >= 7 * 60 + 30 && minute < CLOSE_OF_BUSINESS ? minute : CLOSE_OF_BUSINESS;
			const dueAbs = dueDay * 1440 + (dueMinute ?? 1439);

			let resolvedAbs: number | null = null;
			let withdrawnAbs: number | null = null;
			let late = false;
			const pWithdrawn = settings.withdrawn[procedure.field] ?? settings.withdrawn.default;
			if (random.chance(pWithdrawn)) {
				const wd = cal.nextWorking(day + random.int(0, Math.max(0, dueDay - day)));
				withdrawnAbs = closeAt(wd, receivedAbs);
			} else if (random.chance(settings.stuck)) {
				// Forgotten in the software: closed months late, or when its agency ceased and
				// handed over its backlog; only recent ones are still open at the end day.
				late = true;
				const cease = agency.valid_to === null ? Infinity : daysBetween(settings.start, agency.valid_to);
				const lateDay = cal.nextWorking(Math.min(cal.addWorking(dueDay + 1, random.int(40, 250)), Math.max(cease, dueDay + 1)));
				resolvedAbs = closeAt(lateDay, dueAbs);
			} else {
				if (random.chance(1 - procedure.onTime)) {
					late = true;
					const lateDay = cal.addWorking(dueDay + 1, random.geometric(0.22));
					resolvedAbs = closeAt(lateDay, dueAbs);
				} else if (dueDay > startDay && !random.chance(settings.onTimeOfEarlyOrOnTime)) {
					// Early: a working day from receipt to the day before the due day.
					const span = dueDay - startDay;
					const rd = cal.nextWorking(startDay + Math.floor(random.next() * random.next() * span));
					const d = rd < dueDay ? rd : cal.nextWorking(startDay);
					resolvedAbs = closeAt(d, receivedAbs);
				} else {
					// On time: on the due day, at or before the due time.
					resolvedAbs = Math.min(closeAt(dueDay, receivedAbs), dueAbs);
				}
			}
			// What happens after the end day is not known yet: the dossier is still open.
			if (resolvedAbs !== null && resolvedAbs > lastInstant) resolvedAbs = null;
			if (withdrawnAbs !== null && withdrawnAbs > lastInstant) withdrawnAbs = null;
			const open = resolvedAbs === null && withdrawnAbs === null;
			const overdueNow = open && dueAbs < lastInstant;

			const seq = (serial.get(agency.id) ?? 0) + 1;
			serial.set(agency.id, seq);
			const resolved = resolvedAbs !== null;
			const rating = resolved && random.chance(settings.ratedShare) ? ratings.pick(random) : '';
			const fee = procedure.fee;
			const paidOnline = fee > 0 && random.chance(isOnline ? payOnline(day) : settings.onlinePaymentOfFeesPaper);
			// The cells as CSV text ('' for none), drawn in this order: the seed gives the same dossiers.
			const cells: Record<DossierColumn, string> = {
				id: `${PROVINCE.portalCode}.${agency.id}-${yymmdd}-${String(seq).padStart(4, '0')}`,
				procedure_code: procedure.code,
				agency_id: agency.id,
				received_at: stamp(receivedAbs, random.int(0, 59)),
				due_at: dueMinute === null ? `${cal.days[dueDay]} ${END_OF_DAY}` : stamp(dueAbs, 0),
				// A result at the very due minute is stamped at its first second, so it stays on time.
				resolved_at: resolvedAbs === null ? '' : stamp(resolvedAbs, resolvedAbs === dueAbs ? 0 : random.int(0, 59)),
				withdrawn_at: withdrawnAbs === null ? '' : stamp(withdrawnAbs, random.int(0, 59)),
				status: resolved ? 'resolved' : withdrawnAbs !== null ? 'withdrawn' : 'in_progress',
				channel,
				fee: String(fee),
				paid_online: String(paidOnline),
				digitised: String(random.chance(digitised(day))),
				result_electronic: String(resolved && random.chance(electronic(day))),
				rating,
				apology_issued: String((late || overdueNow) && random.chance(settings.apologyForLate))
			};
			received.push({ minute, line: DOSSIER_COLUMNS.map((c) => cells[c]).join(',') });
		}
		// In order of receipt within the day.
		received.sort((a, b) => a.minute - b.minute);
		for (const r of received) emit(r.line);
		emitted += count;
	}
	return { catalogue, count: emitted };
}
