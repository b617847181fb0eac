/**
 * DDL of the dossier database: the one schema written by the sample generator, by the
 * test fixtures and (later) by the file loader, and read by every view. docs/DATA.md
 * explains each column.
 */

export const SCHEMA_DDL = `
CREATE TABLE agencies (
  id          VARCHAR PRIMARY KEY,
  name        VARCHAR NOT NULL,
  short_name  VARCHAR NOT NULL,
  level       VARCHAR NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  parent_id   VARCHAR,
  valid_from  DATE NOT NULL,
  valid_to    DATE
);

CREATE TABLE agency_successors (
  agency_id     VARCHAR NOT NULL,
  successor_id  VARCHAR NOT NULL,
  PRIMARY KEY (agency_id, successor_id)
);

CREATE TABLE procedures (
  code            VARCHAR PRIMARY KEY,
  name            VARCHAR NOT NULL,
  field           VARCHAR NOT NULL,
  level           VARCHAR NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  online_service  VARCHAR NOT NULL CHECK (online_service IN ('none', 'partial', 'full'))
);

CREATE TABLE dossiers (
  id                 VARCHAR NOT NULL,
  procedure_code     VARCHAR NOT NULL,
  agency_id          VARCHAR NOT NULL,
  received_at        TIMESTAMP NOT NULL,
  due_at             TIMESTAMP NOT NULL,
  resolved_at        TIMESTAMP,
  withdrawn_at       TIMESTAMP,
  status             VARCHAR NOT NULL CHECK (status IN ('in_progress', 'resolved', 'withdrawn')),
  channel            VARCHAR NOT NULL CHECK (channel IN ('in_person', 'postal', 'online_partial', 'online_full')),
  fee                BIGINT NOT NULL DEFAULT 0,
  paid_online        BOOLEAN NOT NULL DEFAULT false,
  digitised          BOOLEAN NOT NULL DEFAULT false,
  result_electronic  BOOLEAN NOT NULL DEFAULT false,
  rating             TINYINT CHECK (rating BETWEEN 1 AND 5),
  apology_issued     BOOLEAN NOT NULL DEFAULT false,
  CHECK (resolved_at IS NULL OR withdrawn_at IS NULL),
  CHECK (resolved_at IS NULL OR resolved_at >= received_at),
  CHECK (withdrawn_at IS NULL OR withdrawn_at >= received_at),
  CHECK (due_at >= received_at)
);

CREATE TABLE dataset (
  key    VARCHAR PRIMARY KEY,
  value  VARCHAR NOT NULL
);
`;

/**
 * The order dossiers are stored in, by the database writer and after a load. By agency, then
 * procedure: the page reads the file range by range, and a dossier list below the province's
 * top (an agency, a procedure) then reads the blocks of that agency alone, whose zone maps
 * tell them apart, instead of a column of every dossier.
 */
export const DOSSIER_ORDER = 'agency_id, procedure_code, received_at, id';

/** Columns of each table in declaration order, for loaders that write CSV or Arrow. */
export const DOSSIER_COLUMNS = [
	'id',
	'procedure_code',
	'agency_id',
	'received_at',
	'due_at',
	'resolved_at',
	'withdrawn_at',
	'status',
	'channel',
	'fee',
	'paid_online',
	'digitised',
	'result_electronic',
	'rating',
	'apology_issued'
] as const;
