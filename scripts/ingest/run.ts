/**
 * One run of `npm run ingest`: a province's exports merged into its data folder. The files
 * are read, accounted for and merged by the data page's own code (src/lib/ingest/stage.ts)
 * on native DuckDB, against the dossiers of the folder's current database; a new database is
 * written beside it and the manifest switched to it last (folder.ts), so the previous data
 * stays whole whatever happens before that moment.
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { vietnamToday } from '../../src/lib/core/domain/dates';
import { DEFAULT_CUTOFF_DAY } from '../../src/lib/core/domain/periods';
import { sqlString } from '../../src/lib/core/domain/sql';
import { CURRENT_UNITS, SUCCESSOR_ORDER, successorsSql } from '../../src/lib/core/domain/succession';
import type { Level } from '../../src/lib/core/domain/types';
import { formatCount, type Locale } from '../../src/lib/core/format/format';
import { cliText } from '../../src/lib/ingest/cli-messages';
import { toCsv } from '../../src/lib/core/export/csv';
import { NodeEngine } from '../../src/lib/core/engine/node';
import { lastEventDay } from '../../src/lib/core/engine/source';
import type { KnownNames } from '../../src/lib/ingest/admit';
import type { LoadProgress, Reader } from '../../src/lib/ingest/ingest';
import { refusalText } from '../../src/lib/ingest/refusal';
import { registerRows, type RegisterUnit } from '../../src/lib/ingest/register';
import { FileError } from '../../src/lib/ingest/sources';
import { stageAndMerge } from '../../src/lib/ingest/stage';
import type { Problem, Tally } from '../../src/lib/ingest/tally';
import { changedDossiers, updateDatabase, writeNewDatabase } from './database';
import { DataFolder, type IngestManifest } from './folder';
import { writeLog } from './logs';
import { IngestError, planFile, readHolidaysFile, readMappingFile, readRegisterFile } from './plan';
import { holidayRows } from '../../src/lib/ingest/holidays';
import type { Holiday } from '../../src/lib/core/domain/schema';
import { readInThread } from './read-in-thread';

export interface IngestOptions {
	out: string;
	files: readonly string[];
	/** The agency register to use; otherwise DIR/agencies.csv when there is one. */
	agencies: string | null;
	/** The province's holiday calendar; otherwise DIR/holidays.csv when there is one, else the previous database's. */
	holidays?: string | null;
	/** A mapping file downloaded from the data page. */
	mapping: string | null;
	/** The header row of every file, when not the proposed one (nor the mapping file's). */
	headerLine: number | null;
	province: string | null;
	cutoffDay: number | null;
	/** Earlier databases kept for a rollback. */
	keep: number;
	/**
	 * The database is updated in a copy of the previous one while the dossiers changed since
	 * it was last written whole are at most this share of it; above, it is written whole
	 * again (REWRITE_ABOVE by default; 0: every time).
	 */
	rewriteAbove: number;
	locale: Locale;
	/** Where progress and notes go (a line each). */
	say: (line: string) => void;
}

/** Above a tenth of the dossiers added out of storage order, a list of one agency's dossiers reads noticeably more blocks. */
export const REWRITE_ABOVE = 0.1;

export interface IngestResult {
	tally: Tally;
	registerRejected: Problem[];
	/** False when no dossier was new or updated: the folder's data is as it was. */
	changed: boolean;
	manifest: IngestManifest | null;
	log: string;
}

/**
 * Where a test kills a run (INGEST_STOP_AT=read|write|manifest): SIGKILL, as a crash or a
 * power cut would, with no chance to clean up.
 */
function stopHere(stage: 'read' | 'write' | 'manifest'): void {
	if (process.env.INGEST_STOP_AT === stage) process.kill(process.pid, 'SIGKILL');
}

type UnitRow = {
	id: string;
	name: string;
	short_name: string;
	level: Level;
	parent_id: string | null;
	valid_from: string | null;
	valid_to: string | null;
};

/** The units on record: the previous database's, then the register's over them, then those the files name for the first time. */
async function unitsOnRecord(engine: NodeEngine, previous: boolean, register: readonly RegisterUnit[]): Promise<{ units: Map<string, RegisterUnit>; edited: boolean }> {
	const units = new Map<string, RegisterUnit>();
	if (previous) {
		const rows = await engine.query<UnitRow>(`SELECT id, name, short_name, level, parent_id, strftime(valid_from, '%Y-%m-%d') AS valid_from, strftime(valid_to, '%Y-%m-%d') AS valid_to FROM prev.agencies`);
		const successors = new Map<string, string[]>();
		// In the register's order, the primary one first (a file written before the order was kept: by code).
		for (const s of await engine.query<{ agency_id: string; successor_id: string }>(`${successorsSql('prev.agency_successors')} ORDER BY agency_id, ${SUCCESSOR_ORDER}`)) {
			successors.set(s.agency_id, [...(successors.get(s.agency_id) ?? []), s.successor_id]);
		}
		for (const r of rows) {
			const next = successors.get(r.id) ?? [];
			units.set(r.id, { code: r.id, name: r.name, short_name: r.short_name, level: r.level, parent: r.parent_id, valid_from: r.valid_from, valid_to: r.valid_to, successors: next, inferred: false });
		}
	}
	// The register edited since the database was written: a unit that differs from its record there.
	const record = (u: RegisterUnit | undefined) => u && JSON.stringify([u.name, u.short_name, u.level, u.parent, u.valid_from, u.valid_to, u.successors]);
	const edited = register.some((u) => record(u) !== record(units.get(u.code)));
	for (const u of register) units.set(u.code, u);
	return { units, edited };
}

/**
 * Whether the previous database lacks what this version writes: the successors' ranks, or
 * today's units beside its aggregates (without which the pages count every view from the
 * dossiers). Such a file is written again even when no dossier changed.
 */
async function olderSchema(engine: NodeEngine): Promise<boolean> {
	const [r] = await engine.query<{ ranked: boolean; aggregated: boolean; current: boolean }>(`SELECT
  count_if(table_name = 'agency_successors' AND column_name = 'rank') > 0 AS ranked,
  count_if(table_name = 'period_counts') > 0 AS aggregated,
  count_if(table_name = '${CURRENT_UNITS}') > 0 AS current
FROM duckdb_columns() WHERE database_name = 'prev'`);
	return !r.ranked || (r.aggregated && !r.current);
}

/** The previous database's days off (none in a file written before the calendar was kept). */
async function previousHolidays(engine: NodeEngine): Promise<Holiday[]> {
	const [{ n }] = await engine.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = 'prev' AND table_name = 'holidays'`);
	return n ? engine.query<Holiday>(`SELECT strftime(day, '%Y-%m-%d') AS day, name FROM prev.holidays ORDER BY day`) : [];
}

function knownNames(units: ReadonlyMap<string, RegisterUnit>, procedures: readonly { code: string; field: string }[]): KnownNames {
	return {
		agencies: new Map([...units.values()].map((u) => [u.code, { id: u.code, name: u.name, shortName: u.short_name, level: u.level }])),
		procedures: new Map(procedures.map((p) => [p.code, p]))
	};
}

export async function ingest(o: IngestOptions): Promise<IngestResult> {
	const mapping = o.mapping ? { path: o.mapping, content: readMappingFile(o.mapping, o.locale) } : null;
	const planned = [];
	for (const path of o.files) planned.push(await planFile(path, mapping, o.headerLine, o.locale));

	let folder: DataFolder;
	try {
		folder = DataFolder.open(o.out);
	} catch (e) {
		if ((e as Error).message === 'locked') throw new IngestError(cliText(o.locale, 'locked', { dir: o.out, pid: (e as { holder: number }).holder }));
		throw e;
	}
	// DuckDB's share of memory is bounded (it spills to DIR/.incoming beyond it): the JavaScript
	// side holds a batch or two at a time, so a run's peak stays under 4 GB at any size.
	const engine = await NodeEngine.open(':memory:', { memory_limit: '2GB', temp_directory: folder.incoming('spill') });
	try {
		const before = folder.manifest();
		const registerPath = o.agencies ?? (before ? folder.path('agencies.csv') : null);
		const register = registerPath && (o.agencies || statSync(registerPath, { throwIfNoEntry: false })) ? await readRegisterFile(registerPath, o.locale) : { units: [], rejected: [] };
		if (registerPath && register.units.length + register.rejected.length) {
			o.say(cliText(o.locale, 'registerAccount', { file: registerPath, units: formatCount(register.units.length, o.locale), rejected: formatCount(register.rejected.length, o.locale) }));
		}
		const holidaysPath = o.holidays ?? (before ? folder.path('holidays.csv') : null);
		const calendar = holidaysPath && (o.holidays || statSync(holidaysPath, { throwIfNoEntry: false })) ? await readHolidaysFile(holidaysPath, o.locale) : null;
		if (calendar) o.say(cliText(o.locale, 'holidaysAccount', { file: holidaysPath!, days: formatCount(calendar.length, o.locale) }));
		if (before) await engine.run(`ATTACH ${sqlString(folder.path(before.database))} AS prev (READ_ONLY)`);
		const heldHolidays = before ? await previousHolidays(engine) : [];
		const holidays = calendar ?? heldHolidays;
		// The calendar edited since the database was written: a change too (due-soon warnings count by it).
		const holidaysEdited = JSON.stringify(holidays) !== JSON.stringify(heldHolidays);
		const { units, edited } = await unitsOnRecord(engine, !!before, register.units);
		const procedures = before ? await engine.query<{ code: string; field: string }>('SELECT code, field FROM prev.procedures') : [];
		const previousFacts = before ? Object.fromEntries((await engine.query<{ key: string; value: string }>('SELECT key, value FROM prev.dataset')).map((r) => [r.key, r.value])) : {};

		let lastSaid = 0;
		const progress = (p: LoadProgress) => {
			if (Date.now() - lastSaid < 2000) return;
			lastSaid = Date.now();
			o.say(cliText(o.locale, 'reading', { file: p.file, rows: formatCount(p.rowsRead, o.locale), percent: Math.floor(p.fraction * 100) }));
		};
		const threaded = readInThread(o.files);
		const read: Reader = (files, known, stage, onProgress) =>
			threaded(
				files,
				known,
				async (ipc) => {
					await stage(ipc);
					stopHere('read');
				},
				onProgress
			);
		const { tally, newAgencies, newProcedures } = await stageAndMerge(engine, planned, knownNames(units, procedures), before ? 'prev.dossiers' : null, progress, read).catch((e) => {
			// A file that opened but fails further on (a truncated workbook, a damaged JSON) is told as the page tells it.
			if (e instanceof FileError) throw new IngestError(cliText(o.locale, 'fileRefused', { file: e.file ?? '', reason: refusalText(o.locale, e) }));
			throw e;
		});
		for (const a of newAgencies) units.set(a.id, { code: a.id, name: a.name, short_name: a.short_name, level: a.level, parent: null, valid_from: a.valid_from, valid_to: null, successors: [], inferred: a.inferred });

		const run = `${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomBytes(3).toString('hex')}`;
		// Against the previous database: the dossiers whose record is not what it was (a load may also change one and change it back).
		const delta = before ? await changedDossiers(engine) : null;
		// A new province name or cut-off day is a change too: the dataset facts and the periods depend on them.
		const cutoffChanged = o.cutoffDay !== null && String(o.cutoffDay) !== previousFacts.cutoff_day;
		// So is a database an older version wrote: written again, it has what the pages now read.
		const outdated = before ? await olderSchema(engine) : false;
		const changed = !delta || delta.changed > 0 || edited || holidaysEdited || cutoffChanged || outdated || (o.province !== null && o.province !== previousFacts.province);
		let manifest = before;
		if (changed) {
			let province = o.province ?? previousFacts.province;
			if (!province) {
				province = 'Tỉnh';
				o.say(cliText(o.locale, 'noProvince', { province }));
			}
			const cutoffDay = o.cutoffDay ?? Number(previousFacts.cutoff_day ?? DEFAULT_CUTOFF_DAY);
			o.say(cliText(o.locale, 'writing'));
			const incoming = folder.incoming(`province-${run}.duckdb`);
			const plan = {
				path: incoming,
				previous: !!before,
				units: [...units.values()],
				newProcedures,
				holidays,
				dataset: { province, cutoff_day: String(cutoffDay), source: 'ingest' },
				onDossiersWritten: () => stopHere('write')
			};
			const dataAsOf = (table: string) => lastEventDay(engine, table, vietnamToday(), null);
			// Updated in place while the dossiers added out of storage order stay a small part of the file.
			// Another cut-off day moves every reporting period: written whole then.
			if (delta && !cutoffChanged && delta.appended + delta.changed <= o.rewriteAbove * delta.previous) {
				await updateDatabase(engine, { ...plan, previousPath: folder.path(before!.database), appended: delta.appended + delta.changed }, dataAsOf);
			} else {
				await writeNewDatabase(engine, plan, dataAsOf);
			}
			const database = folder.install(incoming);
			const facts = await describe(folder.path(database));
			manifest = {
				province,
				database,
				size: facts.dossiers,
				dataAsOf: facts.data_as_of,
				cutoffDay,
				source: 'ingest',
				updatedAt: new Date().toISOString(),
				previous: before?.database ?? null,
				bytes: statSync(folder.path(database)).size
			};
			stopHere('manifest');
			folder.publish(manifest);
			folder.writeAtomic('agencies.csv', toCsv(...headerAndRows(registerRows([...units.values()]))));
			// The calendar given kept beside the register, read again by the next run.
			if (o.holidays && calendar) folder.writeAtomic('holidays.csv', toCsv(...headerAndRows(holidayRows(calendar))));
			const inferred = [...units.values()].filter((u) => u.inferred).length;
			o.say(cliText(o.locale, 'registerWritten', { file: folder.path('agencies.csv'), units: formatCount(units.size, o.locale), inferred: formatCount(inferred, o.locale) }));
			folder.prune(database, o.keep);
		}
		const log = writeLog(
			folder.path('logs', run),
			{ run, files: o.files.map((f) => basename(f)), tally, registerRejected: register.rejected, database: manifest!.database, dossiers: manifest!.size, dataAsOf: manifest!.dataAsOf },
			o.locale
		);
		return { tally, registerRejected: register.rejected, changed, manifest, log };
	} finally {
		await engine.close();
		folder.release();
	}
}

const headerAndRows = (rows: string[][]): [string[], string[][]] => [rows[0], rows.slice(1)];

/** The count and last day a database's `dataset` holds. */
async function describe(path: string): Promise<{ dossiers: number; data_as_of: string }> {
	const engine = await NodeEngine.open(path, { access_mode: 'READ_ONLY' });
	try {
		const kv = Object.fromEntries((await engine.query<{ key: string; value: string }>('SELECT key, value FROM dataset')).map((r) => [r.key, r.value]));
		return { dossiers: Number(kv.dossiers), data_as_of: kv.data_as_of };
	} finally {
		await engine.close();
	}
}
