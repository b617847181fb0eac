/**
 * Generates the sample province: `npm run generate -- --size 1000000 --end 2026-11-20 --out data/generated`.
 * Writes province.duckdb (for the site), dossiers.parquet (for other tools) and manifest.json.
 * Without --end the data ends yesterday (Vietnam time), so a demonstration looks current.
 * The output is reused when the same settings were generated before.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addDays, vietnamToday } from '../src/lib/core/domain/dates';
import { AGENCY_TABLE, DOSSIER_COLUMNS, HOLIDAY_TABLE, PROCEDURE_TABLE, SUCCESSOR_TABLE, columnNames } from '../src/lib/core/domain/schema';
import { DEFAULT_CUTOFF_DAY } from '../src/lib/core/domain/periods';
import { generate, type Settings } from './sample/generate';
import { holidayDays } from './sample/calendar';
import { PROVINCE } from './sample/province';
import { toCsv, writeDatabase } from './sample/write-db';

/** What the output depends on besides size, end and seed: a change to any of these regenerates. */
const INPUTS = [
	'data/sample/settings.json',
	'scripts/sample/generate.ts',
	'scripts/sample/province.ts',
	'scripts/sample/calendar.ts',
	'scripts/sample/random.ts',
	'scripts/sample/write-db.ts',
	'src/lib/core/domain/workdays.ts',
	'src/lib/core/domain/dates.ts',
	'src/lib/core/domain/schema.ts',
	'src/lib/core/domain/types.ts',
	'src/lib/core/domain/aggregates.ts',
	'src/lib/core/domain/query.ts',
	'src/lib/core/domain/sql.ts',
	'src/lib/core/domain/metrics.ts',
	'src/lib/core/domain/succession.ts'
];

function inputsHash(): string {
	const h = createHash('sha256');
	for (const f of INPUTS) h.update(readFileSync(resolve(f)));
	return h.digest('hex').slice(0, 16);
}

export interface Manifest {
	province: string;
	database: string;
	parquet: string;
	size: number;
	seed: number;
	start: string;
	dataAsOf: string;
	cutoffDay: number;
	inputsHash: string;
	generatedAt: string;
	bytes: number;
}

export async function generateSample(opts: { size: number; end: string; out: string; seed?: number }): Promise<Manifest> {
	const settings = JSON.parse(readFileSync(resolve('data/sample/settings.json'), 'utf8')) as Settings;
	if (opts.seed !== undefined) settings.seed = opts.seed;
	const out = resolve(opts.out);
	mkdirSync(out, { recursive: true });
	const manifestPath = join(out, 'manifest.json');
	if (existsSync(manifestPath)) {
		const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
		if (m.size === opts.size && m.dataAsOf === opts.end && m.seed === settings.seed && m.inputsHash === inputsHash() && existsSync(join(out, m.database))) {
			return m;
		}
	}
	const csv = join(out, 'dossiers.csv');
	const stream = createWriteStream(csv);
	stream.write(DOSSIER_COLUMNS.join(',') + '\n');
	let buffer: string[] = [];
	const flush = () => {
		if (buffer.length) stream.write(buffer.join('\n') + '\n');
		buffer = [];
	};
	const { catalogue, count } = generate({
		settings,
		size: opts.size,
		end: opts.end,
		emit: (line) => {
			buffer.push(line);
			if (buffer.length >= 10000) flush();
		}
	});
	flush();
	await new Promise<void>((ok, fail) => stream.end((e?: Error | null) => (e ? fail(e) : ok())));

	const manifest: Manifest = {
		province: PROVINCE.name,
		database: 'province.duckdb',
		parquet: 'dossiers.parquet',
		size: count,
		seed: settings.seed,
		start: settings.start,
		dataAsOf: opts.end,
		cutoffDay: DEFAULT_CUTOFF_DAY,
		inputsHash: inputsHash(),
		generatedAt: new Date().toISOString(),
		bytes: 0
	};
	const catalogueFiles = {
		agencies: join(out, 'agencies.csv'),
		agency_successors: join(out, 'agency_successors.csv'),
		procedures: join(out, 'procedures.csv'),
		holidays: join(out, 'holidays.csv')
	};
	writeFileSync(catalogueFiles.agencies, toCsv(columnNames(AGENCY_TABLE.columns), catalogue.agencies));
	writeFileSync(catalogueFiles.agency_successors, toCsv(columnNames(SUCCESSOR_TABLE.columns), catalogue.successors));
	writeFileSync(catalogueFiles.procedures, toCsv(columnNames(PROCEDURE_TABLE.columns), catalogue.procedures));
	writeFileSync(catalogueFiles.holidays, toCsv(columnNames(HOLIDAY_TABLE.columns), holidayDays(settings.holidays)));
	await writeDatabase(
		{ ...catalogueFiles, dossiers: csv },
		{ province: PROVINCE.name, data_as_of: opts.end, cutoff_day: String(DEFAULT_CUTOFF_DAY), source: 'sample' },
		join(out, manifest.database),
		join(out, manifest.parquet)
	);
	for (const f of [csv, ...Object.values(catalogueFiles)]) rmSync(f);
	manifest.bytes = statSync(join(out, manifest.database)).size;
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
	return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { values } = parseArgs({
		options: {
			size: { type: 'string', default: '1000000' },
			end: { type: 'string' },
			out: { type: 'string', default: 'data/generated' },
			seed: { type: 'string' }
		}
	});
	const started = Date.now();
	const manifest = await generateSample({
		size: Number(values.size),
		end: values.end ?? addDays(vietnamToday(), -1),
		out: values.out!,
		seed: values.seed === undefined ? undefined : Number(values.seed)
	});
	console.log(
		`${manifest.size.toLocaleString('vi-VN')} dossiers of ${manifest.province}, ${manifest.start} to ${manifest.dataAsOf}: ` +
			`${values.out}/${manifest.database} (${(manifest.bytes / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`
	);
}
