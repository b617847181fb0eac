/**
 * The command line's files opened as the data page opens them: the same sniffing, encodings
 * and header mapping (src/lib/ingest), with a mapping file in place of the page's mapping
 * table. Anything that stops a file from loading becomes an IngestError whose message names
 * the file, the cause and what to do.
 */
import { existsSync, openAsBlob, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Locale } from '../../src/lib/core/format/format';
import { cliText } from '../../src/lib/ingest/cli-messages';
import { FIELD_NAMES } from '../../src/lib/ingest/messages';
import { missingRequired, proposeMapping } from '../../src/lib/ingest/headers';
import type { PlannedFile } from '../../src/lib/ingest/ingest';
import { applyMappingFile, headerLineOf, MappingFileError } from '../../src/lib/ingest/mapping-file';
import { refusalText } from '../../src/lib/ingest/refusal';
import { readRegister, REGISTER_REQUIRED, registerColumns, REGISTER_HEADERS, type RegisterUnit } from '../../src/lib/ingest/register';
import { HOLIDAY_HEADERS, readHolidays } from '../../src/lib/ingest/holidays';
import type { Holiday } from '../../src/lib/core/domain/schema';
import { FileError, openSource, type Row } from '../../src/lib/ingest/sources';
import type { Problem } from '../../src/lib/ingest/tally';

/** A failure the user can act on: its message says what and what to do. */
export class IngestError extends Error {}

/** A file of the disk as the Blob the readers take. */
async function blobOf(path: string, locale: Locale): Promise<Blob> {
	if (!existsSync(path)) throw new IngestError(cliText(locale, 'fileMissing', { file: path }));
	return openAsBlob(path);
}

export function readMappingFile(path: string, locale: Locale): unknown {
	if (!existsSync(path)) throw new IngestError(cliText(locale, 'fileMissing', { file: path }));
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		throw new IngestError(cliText(locale, 'mappingUnreadable', { file: path }));
	}
}

/**
 * One export, opened and mapped; `mapping` is a mapping file's content (or null to propose);
 * the header row is `headerLine`, else the mapping file's, else the proposed one.
 */
export async function planFile(path: string, mapping: { path: string; content: unknown } | null, headerLine: number | null, locale: Locale): Promise<PlannedFile> {
	const name = basename(path);
	const file = await blobOf(path, locale);
	const line = headerLine ?? (mapping ? headerLineOf(mapping.content) : null);
	let headers: string[];
	try {
		headers = (await (await openSource(file, null, line)).inspect()).headers;
	} catch (e) {
		if (e instanceof FileError) throw new IngestError(cliText(locale, 'fileRefused', { file: path, reason: refusalText(locale, e) }));
		throw e;
	}
	let mapped;
	try {
		mapped = mapping ? applyMappingFile(mapping.content, headers) : proposeMapping(headers);
	} catch (e) {
		if (!(e instanceof MappingFileError)) throw e;
		const key = ({ not_a_mapping: 'mappingUnreadable', unknown_field: 'mappingUnknownField', column_not_found: 'mappingColumnNotFound' } as const)[e.code];
		throw new IngestError(cliText(locale, key, { file: key === 'mappingColumnNotFound' ? path : mapping!.path, mapping: mapping!.path, detail: e.detail }));
	}
	const missing = missingRequired(mapped);
	if (missing.length) {
		const fields = missing.map((f) => `"${FIELD_NAMES[locale][f]}"`).join(', ');
		throw new IngestError(cliText(locale, 'missingFields', { file: path, fields, headers: headers.map((h) => `"${h}"`).join(', ') }));
	}
	return { name, file, encoding: null, headerLine: line, headers, mapping: mapped };
}

/** The agency register's units, and its rows rejected with their reasons. */
export async function readRegisterFile(path: string, locale: Locale): Promise<{ units: RegisterUnit[]; rejected: Problem[] }> {
	const file = await blobOf(path, locale);
	try {
		const source = await openSource(file);
		const { headers } = await source.inspect();
		const col = registerColumns(headers);
		const lacking = REGISTER_REQUIRED.filter((c) => col[c] < 0);
		if (lacking.length) throw new IngestError(cliText(locale, 'registerMissingColumns', { file: path, columns: lacking.map((c) => `"${REGISTER_HEADERS[c]}"`).join(', ') }));
		const rows: Row[] = [];
		await source.rows(
			(r) => rows.push(r),
			async () => {}
		);
		return readRegister(basename(path), headers, rows);
	} catch (e) {
		if (e instanceof FileError) throw new IngestError(cliText(locale, 'registerRefused', { file: path, reason: refusalText(locale, e) }));
		throw e;
	}
}

/** The province's holiday calendar (src/lib/ingest/holidays.ts): every day off, or a refusal naming the file and the line. */
export async function readHolidaysFile(path: string, locale: Locale): Promise<Holiday[]> {
	const file = await blobOf(path, locale);
	try {
		const source = await openSource(file);
		const { headers } = await source.inspect();
		const rows: Row[] = [];
		await source.rows(
			(r) => rows.push(r),
			async () => {}
		);
		const read = readHolidays(headers, rows);
		if ('missing' in read) throw new IngestError(cliText(locale, 'holidaysMissingColumns', { file: path, columns: read.missing.map((c) => `"${HOLIDAY_HEADERS[c]}"`).join(', ') }));
		if ('line' in read) throw new IngestError(cliText(locale, 'holidaysBadDay', { file: path, line: read.line, value: read.value }));
		return read.holidays;
	} catch (e) {
		if (e instanceof FileError) throw new IngestError(cliText(locale, 'holidaysRefused', { file: path, reason: refusalText(locale, e) }));
		throw e;
	}
}
