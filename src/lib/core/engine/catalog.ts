/** The names behind the keys of the data: agencies, procedures and fields, read once per dataset. */
import type { Level } from '../domain/types';
import type { Querier } from './types';

export interface AgencyEntry {
	id: string;
	name: string;
	shortName: string;
	level: Level;
	/** The days the agency existed (2025 merged and dissolved many); validTo is null while it exists. */
	validFrom: string;
	validTo: string | null;
}

export interface ProcedureEntry {
	code: string;
	name: string;
	field: string;
	level: Level;
}

export interface Catalog {
	agencies: Map<string, AgencyEntry>;
	procedures: Map<string, ProcedureEntry>;
	/** Every field, in Vietnamese alphabetical order. */
	fields: string[];
}

export async function loadCatalog(engine: Querier): Promise<Catalog> {
	const agencies = await engine.query<{ id: string; name: string; short_name: string; level: Level; valid_from: string; valid_to: string | null }>(
		"SELECT id, name, short_name, level, strftime(valid_from, '%Y-%m-%d') AS valid_from, strftime(valid_to, '%Y-%m-%d') AS valid_to FROM agencies ORDER BY id"
	);
	const procedures = await engine.query<{ code: string; name: string; field: string; level: Level }>(
		'SELECT code, name, field, level FROM procedures ORDER BY code'
	);
	const collator = new Intl.Collator('vi');
	return {
		agencies: new Map(agencies.map((a) => [a.id, { id: a.id, name: a.name, shortName: a.short_name, level: a.level, validFrom: a.valid_from, validTo: a.valid_to }])),
		procedures: new Map(procedures.map((p) => [p.code, { code: p.code, name: p.name, field: p.field, level: p.level }])),
		fields: [...new Set(procedures.map((p) => p.field))].sort(collator.compare)
	};
}
