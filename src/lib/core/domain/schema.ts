/**
 * The tables of the dossier database, each described once: its columns in order, each with
 * its SQL type, whether it may be empty (null) and what it means. The rest comes from here:
 * the DDL every writer runs (SCHEMA_DDL: the sample generator, the test fixtures, npm run
 * ingest), the column lists of the loaders, the merge and the writers, the engine's tables of
 * loaded rows (ingest/store.ts), the Arrow columns of staged rows (ingest/staged.ts) and the
 * TypeScript row types. docs/DATA.md prints the same columns for readers, and a unit test
 * (tests/unit/schema.test.ts) keeps it in step.
 */
import type { IsoDay } from './dates';
import { CHANNELS, LEVELS, ONLINE_SERVICES, STATUSES, type VietnamTimestamp } from './types';
import { sqlList } from './sql';

export type SqlType = 'VARCHAR' | 'TIMESTAMP' | 'DATE' | 'BOOLEAN' | 'TINYINT' | 'INTEGER' | 'BIGINT';

export interface Column {
	readonly type: SqlType;
	/** Whether the column may be empty (NULL). */
	readonly nullable: boolean;
	/** What a value means, as docs/DATA.md prints it. */
	readonly meaning: string;
	/** The only values the column may hold (a CHECK constraint); its row type is their union. */
	readonly values?: readonly string[];
	/** Another CHECK on the column's value, in SQL. */
	readonly check?: string;
	/** The value of a row inserted without one, in SQL. */
	readonly default?: string;
}

export type Columns = Readonly<Record<string, Column>>;

export interface Table {
	readonly name: string;
	readonly columns: Columns;
	readonly primaryKey?: readonly string[];
	/** Sets of columns no two rows may share (UNIQUE constraints). */
	readonly unique?: readonly (readonly string[])[];
	/** CHECK constraints between columns, in SQL. */
	readonly checks?: readonly string[];
}

export const AGENCY_TABLE = {
	name: 'agencies',
	columns: {
		id: { type: 'VARCHAR', nullable: false, meaning: 'agency code' },
		name: { type: 'VARCHAR', nullable: false, meaning: 'full Vietnamese name (Ủy ban nhân dân xã Đức Lân)' },
		short_name: { type: 'VARCHAR', nullable: false, meaning: 'short name for charts (UBND Xã Đức Lân)' },
		level: { type: 'VARCHAR', nullable: false, values: LEVELS, meaning: '`province`, `district`, `commune` (cấp tỉnh / huyện / xã)' },
		parent_id: { type: 'VARCHAR', nullable: true, meaning: 'the district of a commune before 1/7/2025' },
		valid_from: { type: 'DATE', nullable: false, meaning: 'the first day the agency existed' },
		valid_to: { type: 'DATE', nullable: true, meaning: 'the last day it existed; null while it exists' }
	},
	primaryKey: ['id']
} as const satisfies Table;

/**
 * What an agency that ceased became. `rank` orders an agency's successors as the register
 * lists them; the first (rank 1, the lowest of the agency's) is its primary successor, which
 * its dossiers are counted under "by today's units" (domain/succession.ts). A file written
 * before the column existed is still read: its lowest successor code counts as the primary.
 */
export const SUCCESSOR_TABLE = {
	name: 'agency_successors',
	columns: {
		agency_id: { type: 'VARCHAR', nullable: false, meaning: 'an agency that ceased (`agencies.id`)' },
		successor_id: { type: 'VARCHAR', nullable: false, meaning: 'an agency that took its work over (`agencies.id`); one that ceased may have several' },
		rank: {
			type: 'INTEGER',
			nullable: false,
			check: 'rank >= 1',
			meaning: "the successor's place in the register's list, from 1; the agency's lowest (1) is its primary successor, which receives its dossiers when counting by today's units"
		}
	},
	primaryKey: ['agency_id', 'successor_id'],
	unique: [['agency_id', 'rank']]
} as const satisfies Table;

export const PROCEDURE_TABLE = {
	name: 'procedures',
	columns: {
		code: { type: 'VARCHAR', nullable: false, meaning: 'national code (`1.000001`)' },
		name: { type: 'VARCHAR', nullable: false, meaning: "the procedure's name" },
		field: { type: 'VARCHAR', nullable: false, meaning: 'its field (lĩnh vực): Hộ tịch, Đất đai, Đường bộ …' },
		level: { type: 'VARCHAR', nullable: false, values: LEVELS, meaning: 'the level it is designated to' },
		online_service: { type: 'VARCHAR', nullable: false, values: ONLINE_SERVICES, meaning: '`none`, `partial`, `full` (Decree 42/2022)' }
	},
	primaryKey: ['code']
} as const satisfies Table;

/**
 * The dossiers' columns (DOSSIER_TABLE's), named on their own so that what is computed from
 * them (DOSSIER_COLUMNS, the staged columns) can be left out of a bundle that does not use it.
 */
export const DOSSIER_COLUMN_SPECS = {
	id: { type: 'VARCHAR', nullable: false, meaning: 'the dossier code (Mã hồ sơ), unique; the sample uses `H55.<agency>-<yymmdd>-<serial>`' },
	procedure_code: { type: 'VARCHAR', nullable: false, meaning: 'national procedure code (`procedures.code`)' },
	agency_id: {
		type: 'VARCHAR',
		nullable: false,
		meaning: 'the agency that received it (`agencies.id`), as it was when filed: a dossier keeps its agency after a reorganisation'
	},
	received_at: { type: 'TIMESTAMP', nullable: false, meaning: 'received (tiếp nhận)' },
	due_at: { type: 'TIMESTAMP', nullable: false, meaning: 'due (ngày hẹn trả), already extended for supplementation pauses; a day only → 23:59:59.999999' },
	resolved_at: { type: 'TIMESTAMP', nullable: true, meaning: 'result issued (trả kết quả); null while not resolved' },
	withdrawn_at: { type: 'TIMESTAMP', nullable: true, meaning: 'withdrawn by the applicant (rút hồ sơ); null otherwise. Never both resolved and withdrawn' },
	status: {
		type: 'VARCHAR',
		nullable: false,
		values: STATUSES,
		meaning: '`in_progress`, `resolved`, `withdrawn`: the status when the data was exported. Figures never read it: the state in a period comes from the timestamps'
	},
	channel: {
		type: 'VARCHAR',
		nullable: false,
		values: CHANNELS,
		meaning: '`in_person` (trực tiếp), `postal` (bưu chính công ích), `online_partial` (trực tuyến một phần, ex "mức độ 3"), `online_full` (toàn trình, ex "mức độ 4")'
	},
	fee: { type: 'BIGINT', nullable: false, default: '0', meaning: 'fee and charges in đồng; 0 when free' },
	paid_online: { type: 'BOOLEAN', nullable: false, default: 'false', meaning: 'the fee was paid online (thanh toán trực tuyến)' },
	digitised: { type: 'BOOLEAN', nullable: false, default: 'false', meaning: 'scanned and signed at receipt (số hóa hồ sơ)' },
	result_electronic: { type: 'BOOLEAN', nullable: false, default: 'false', meaning: 'the result was issued electronically (kết quả điện tử)' },
	rating: {
		type: 'TINYINT',
		nullable: true,
		check: 'rating BETWEEN 1 AND 5',
		meaning: 'satisfaction: 5 rất hài lòng, 4 hài lòng, 3 bình thường, 2 không hài lòng, 1 rất không hài lòng; null when not rated'
	},
	apology_issued: {
		type: 'BOOLEAN',
		nullable: false,
		default: 'false',
		meaning: 'an apology letter (phiếu xin lỗi và hẹn lại) was issued, for late dossiers'
	}
} as const satisfies Columns;

export const DOSSIER_TABLE = {
	name: 'dossiers',
	columns: DOSSIER_COLUMN_SPECS,
	checks: ['resolved_at IS NULL OR withdrawn_at IS NULL', 'resolved_at IS NULL OR resolved_at >= received_at', 'withdrawn_at IS NULL OR withdrawn_at >= received_at', 'due_at >= received_at']
} as const satisfies Table;

const DATASET_TABLE = {
	name: 'dataset',
	columns: {
		key: { type: 'VARCHAR', nullable: false, meaning: 'the name of a fact about the data (`province`, `data_as_of` …)' },
		value: { type: 'VARCHAR', nullable: false, meaning: 'its value, as text' }
	},
	primaryKey: ['key']
} as const satisfies Table;

/**
 * The province's public holidays and days off in lieu (ngày nghỉ lễ, Tết): with Saturdays and
 * Sundays, the days that are not working days (domain/workdays.ts). One row a day. Written
 * from the sample's settings, or by npm run ingest from the file the province keeps
 * (docs/PUBLISHING.md); a database without rows counts weekends alone.
 */
export const HOLIDAY_TABLE = {
	name: 'holidays',
	columns: {
		day: { type: 'DATE', nullable: false, meaning: 'a day off: a public holiday, Tết, or a day off in lieu' },
		name: { type: 'VARCHAR', nullable: false, meaning: 'what it is (Tết Nguyên đán, Quốc khánh …)' }
	},
	primaryKey: ['day']
} as const satisfies Table;

/** Every table a database writer creates, in the order it creates them. */
export const TABLES: readonly Table[] = [AGENCY_TABLE, SUCCESSOR_TABLE, PROCEDURE_TABLE, DOSSIER_TABLE, DATASET_TABLE, HOLIDAY_TABLE];

function columnSql(name: string, c: Column): string {
	const check = c.values ? `${name} IN (${sqlList(c.values)})` : c.check;
	return [name, c.type, c.nullable ? '' : 'NOT NULL', c.default === undefined ? '' : `DEFAULT ${c.default}`, check ? `CHECK (${check})` : ''].filter(Boolean).join(' ');
}

/** The CREATE TABLE statement of a table, with every constraint. */
export function createTableSql(t: Table): string {
	const lines = [
		...Object.entries(t.columns).map(([name, c]) => columnSql(name, c)),
		...(t.checks ?? []).map((check) => `CHECK (${check})`),
		...(t.primaryKey ? [`PRIMARY KEY (${t.primaryKey.join(', ')})`] : []),
		...(t.unique ?? []).map((columns) => `UNIQUE (${columns.join(', ')})`)
	];
	return `CREATE TABLE ${t.name} (\n  ${lines.join(',\n  ')}\n);\n`;
}

/**
 * The DDL of the dossier database: the one schema written by every writer and read by every
 * view. Marked pure, so that a bundle which writes no database (the page's, a worker's)
 * leaves it and the descriptions' text out.
 */
export const SCHEMA_DDL = /* @__PURE__ */ ((tables: readonly Table[]) => tables.map(createTableSql).join('\n'))(TABLES);

/** Columns and their types alone, as a table of loaded rows declares them: `id VARCHAR, name VARCHAR …`. */
export function columnTypesSql(columns: Columns): string {
	return Object.entries(columns)
		.map(([name, c]) => `${name} ${c.type}`)
		.join(', ');
}

/** Each column's SQL type, by name: how the engine reads a CSV of these columns. */
export function sqlTypes(columns: Columns): Record<string, SqlType> {
	return Object.fromEntries(Object.entries(columns).map(([name, c]) => [name, c.type]));
}

/** Some of a table's columns, in the order given. */
export function pickColumns<C extends Columns, K extends keyof C & string>(columns: C, names: readonly K[]): Pick<C, K> {
	return Object.fromEntries(names.map((n) => [n, columns[n]])) as Pick<C, K>;
}

/** The names of columns, in order. */
export function columnNames<C extends Columns>(columns: C): (keyof C & string)[] {
	return Object.keys(columns) as (keyof C & string)[];
}

interface SqlValues {
	VARCHAR: string;
	TIMESTAMP: VietnamTimestamp;
	DATE: IsoDay;
	BOOLEAN: boolean;
	TINYINT: number;
	INTEGER: number;
	BIGINT: number;
}
type ValueOf<C extends Column> = (C extends { readonly values: readonly (infer V)[] } ? V : SqlValues[C['type']]) | (C['nullable'] extends true ? null : never);

/** A row of these columns in TypeScript: each column's value (timestamps and days as text), null where it may be empty. */
export type RowOf<C extends Columns> = { -readonly [K in keyof C]: ValueOf<C[K]> };

export type DossierColumn = keyof typeof DOSSIER_TABLE.columns;
export type DossierRecord = RowOf<typeof DOSSIER_TABLE.columns>;
export type Agency = RowOf<typeof AGENCY_TABLE.columns>;
export type AgencySuccessor = RowOf<typeof SUCCESSOR_TABLE.columns>;
export type Procedure = RowOf<typeof PROCEDURE_TABLE.columns>;
export type Holiday = RowOf<typeof HOLIDAY_TABLE.columns>;

/** The dossiers' columns in the order of the table. */
export const DOSSIER_COLUMNS: readonly DossierColumn[] = /* @__PURE__ */ columnNames(DOSSIER_COLUMN_SPECS);

/**
 * The order dossiers are stored in, by the database writer and after a load. By agency, then
 * procedure: the page reads the file range by range, and a dossier list below the province's
 * top (an agency, a procedure) then reads the blocks of that agency alone, whose zone maps
 * tell them apart, instead of a column of every dossier.
 */
export const DOSSIER_ORDER = 'agency_id, procedure_code, received_at, id';
