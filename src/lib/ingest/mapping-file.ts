/**
 * A header mapping as a file an office keeps: for each field, the header of the column that
 * feeds it (null: no column does). The data page offers the mapping it used for download;
 * `npm run ingest -- --mapping FILE` reads it, so a vendor's columns are mapped once.
 * Headers are matched as the proposal matches them (normaliseText), so a file whose columns
 * come in another order, or whose header differs only in accents or case, still matches.
 */
import { FIELDS, normaliseText, proposeMapping, type Field, type Mapping } from './headers';

const MAPPING_FILE_FORMAT = 'one-stop-dashboard/mapping';

export interface MappingFile {
	format: typeof MAPPING_FILE_FORMAT;
	version: 1;
	/** The header row the user chose (a line, or an .xlsx row number); absent: proposed for each file. */
	headerLine?: number;
	fields: Partial<Record<Field, string | null>>;
}

/** `headerLine`: the header row the user chose, or null when the proposed one was kept. */
export function mappingFileOf(headers: readonly string[], mapping: Mapping, headerLine: number | null): MappingFile {
	const fields = Object.fromEntries(FIELDS.map((f) => [f, mapping[f] === null ? null : headers[mapping[f]!]]));
	return { format: MAPPING_FILE_FORMAT, version: 1, ...(headerLine === null ? {} : { headerLine }), fields };
}

/** The header row a mapping file names, or null. */
export function headerLineOf(file: unknown): number | null {
	const line = (file as MappingFile | null)?.headerLine;
	return Number.isInteger(line) && line! > 0 ? line! : null;
}

/** Why a mapping file cannot be used: not a mapping, or a field naming a column the export lacks. */
export class MappingFileError extends Error {
	constructor(
		readonly code: 'not_a_mapping' | 'unknown_field' | 'column_not_found',
		readonly detail: string
	) {
		super(`${code}: ${detail}`);
	}
}

/**
 * The mapping a file gives a header row: the fields it names take the column of that header,
 * fields it sets to null take none, fields it leaves out are proposed as usual.
 */
export function applyMappingFile(file: unknown, headers: readonly string[]): Mapping {
	const fields = (file as MappingFile | null)?.fields;
	if ((file as MappingFile | null)?.format !== MAPPING_FILE_FORMAT || !fields || typeof fields !== 'object') throw new MappingFileError('not_a_mapping', '');
	const mapping = proposeMapping(headers);
	const names = headers.map(normaliseText);
	const named = new Set<number>();
	for (const [field, header] of Object.entries(fields)) {
		if (!(FIELDS as readonly string[]).includes(field)) throw new MappingFileError('unknown_field', field);
		if (header === null) {
			mapping[field as Field] = null;
			continue;
		}
		const col = names.indexOf(normaliseText(String(header)));
		if (col < 0) throw new MappingFileError('column_not_found', String(header));
		mapping[field as Field] = col;
		named.add(col);
	}
	// A column the file names for one field is not also proposed for another.
	for (const f of FIELDS) if (!(f in fields) && mapping[f] !== null && named.has(mapping[f]!)) mapping[f] = null;
	return mapping;
}
