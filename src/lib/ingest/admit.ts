/**
 * The checks that need the rows before: which agency a row's code or name means (created
 * when new), and the procedure it names. An id read again is not a problem: the merge
 * (merge.ts) keeps the latest row of each id.
 * Batches must come in file order. Keeps the load's tally: every row read is loaded or
 * rejected with its reason, in the order of the files.
 */
import { dayOfMicros } from '../core/domain/dates';
import type { Level } from '../core/domain/types';
import { Catalogue, type AgencyRecord, type ProcedureRecord } from './catalogue';
import type { Field, Mapping } from './headers';
import type { ReadBatch } from './rows';
import { stagedArrow } from './staged';
import { Tally, type Problem, type Reason } from './tally';

/** The agencies and procedures of the data on screen, so rows naming them join them. */
export interface KnownNames {
	agencies: ReadonlyMap<string, { id: string; name: string; shortName: string; level: Level }>;
	procedures: ReadonlyMap<string, { code: string; field: string }>;
}

export interface ReadOutcome {
	tally: Tally;
	newAgencies: AgencyRecord[];
	newProcedures: ProcedureRecord[];
}

/** What admission needs to know of each planned file: its name and its columns. */
export interface FilePlan {
	name: string;
	headers: readonly string[];
	mapping: Mapping;
}

export class Admission {
	private readonly tally = new Tally();
	private readonly catalogue: Catalogue;

	constructor(
		private readonly files: readonly FilePlan[],
		known: KnownNames | null
	) {
		this.catalogue = new Catalogue(known?.agencies, known?.procedures);
	}

	/** The batch's admitted rows as the Arrow stream to stage, or null when none is. */
	admit(b: ReadBatch): Uint8Array | null {
		const { tally, catalogue } = this;
		const plan = this.files[b.file];
		const n = b.line.length;
		const admitted: number[] = [];
		const agencyId: string[] = [];
		const procedureCode: string[] = [];
		let nextRejected = 0;
		let nextWarning = 0;
		const rejectedBefore = (row: number) => {
			while (nextRejected < b.rejected.length && b.rejected[nextRejected].before <= row) tally.reject(b.rejected[nextRejected++].problem);
		};
		const reject = (i: number, f: Field, reason: Reason, value: string) => {
			const col = plan.mapping[f];
			const problem: Problem = {
				file: plan.name,
				line: b.line[i],
				column: col === null ? '' : (plan.headers[col] ?? ''),
				value,
				reason,
				agency: b.agencyName[i] ?? b.agencyCode[i],
				month: dayOfMicros(b.receivedAt[i]).slice(0, 7)
			};
			tally.reject(problem);
		};
		for (let i = 0; i < n; i++) {
			rejectedBefore(i);
			while (nextWarning < b.warnings.length && b.warnings[nextWarning].row < i) nextWarning++;
			const agency = catalogue.agency(b.agencyCode[i], b.agencyName[i], b.level[i], b.receivedAt[i]);
			if (!agency) {
				reject(i, 'agency', 'unknown_level', b.agencyName[i] ?? '');
				continue;
			}
			for (; nextWarning < b.warnings.length && b.warnings[nextWarning].row === i; nextWarning++) tally.warn(b.warnings[nextWarning].problem);
			admitted.push(i);
			agencyId.push(agency.id);
			procedureCode.push(catalogue.procedure(b.procedureCode[i], b.procedureName[i], b.field[i], agency.level, b.channel[i]));
		}
		rejectedBefore(n);
		tally.rowsRead += b.rowsRead;
		return admitted.length ? stagedArrow(b, b.file, plan.name, admitted, agencyId, procedureCode) : null;
	}

	outcome(): ReadOutcome {
		return { tally: this.tally, newAgencies: this.catalogue.newAgencies(), newProcedures: this.catalogue.newProcedures() };
	}
}
