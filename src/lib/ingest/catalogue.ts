/**
 * The agencies and procedures rows name: those of the data on screen, and those a load
 * creates from its files. An agency is found by code, else by name; a new one takes its
 * level from the row, else from its name, and is valid from its first dossier.
 */
import { dayOfMicros, type Micros } from '../core/domain/dates';
import type { Agency, Procedure } from '../core/domain/schema';
import type { Channel, Level } from '../core/domain/types';
import { normaliseText } from './headers';
import { shortName } from './register';
import { own } from './tally';
import { levelFromName } from './values';

/** What a file tells of an agency it creates: no parent, and no last day (it still exists). */
export const USER_AGENCY_COLUMNS = ['id', 'name', 'short_name', 'level', 'valid_from'] as const satisfies readonly (keyof Agency)[];

export type AgencyRecord = Pick<Agency, (typeof USER_AGENCY_COLUMNS)[number]> & {
	/** The level was guessed from the agency's name: the file had no level for it. */
	inferred: boolean;
};

export type ProcedureRecord = Procedure;

const UNKNOWN_PROCEDURE = '(không rõ)';
const UNKNOWN_PROCEDURE_NAME = '(Không rõ thủ tục)';
const UNKNOWN_FIELD = '(Không rõ lĩnh vực)';

interface NewAgency {
	id: string;
	name: string;
	level: Level;
	inferred: boolean;
	firstReceived: Micros;
}

export class Catalogue {
	private readonly added = new Map<string, NewAgency>();
	private readonly procedures = new Map<string, ProcedureRecord>();
	private readonly agencyByName = new Map<string, { id: string; level: Level }>();
	/** normaliseText of each agency name met: the same few hundred names repeat on every row. */
	private readonly nameKeys = new Map<string, string>();

	constructor(
		private readonly knownAgencies: ReadonlyMap<string, { id: string; name: string; shortName: string; level: Level }> = new Map(),
		private readonly knownProcedures: ReadonlyMap<string, { code: string; field: string }> = new Map()
	) {
		for (const a of knownAgencies.values()) {
			this.agencyByName.set(normaliseText(a.name), a);
			this.agencyByName.set(normaliseText(a.shortName), a);
		}
	}

	private nameKey(name: string): string {
		let key = this.nameKeys.get(name);
		if (key === undefined) this.nameKeys.set(own(name), (key = normaliseText(name)));
		return key;
	}

	/** The agency a row names (by code, else by name), created when new; null when its level is unknown. */
	agency(code: string | null, name: string | null, level: Level | null, received: Micros): { id: string; level: Level } | null {
		const known = (code && this.knownAgencies.get(code)) || (name && this.agencyByName.get(this.nameKey(name)));
		if (known) return known;
		const id = own(code ?? name!);
		const added = this.added.get(id);
		if (added) {
			if (received < added.firstReceived) added.firstReceived = received;
			return added;
		}
		const lvl = level ?? levelFromName(name ?? '');
		if (!lvl) return null;
		const record = { id, name: own(name ?? code!), level: lvl, inferred: !level, firstReceived: received };
		this.added.set(id, record);
		this.agencyByName.set(this.nameKey(record.name), record);
		return record;
	}

	/** The procedure a row names (by code, else by name), created when new. */
	procedure(code: string | null, name: string | null, field: string | null, level: Level, channel: Channel): string {
		const key = code ?? name ?? UNKNOWN_PROCEDURE;
		if (this.knownProcedures.has(key)) return key;
		let p = this.procedures.get(key);
		if (!p) {
			p = { code: own(key), name: own(name ?? code ?? UNKNOWN_PROCEDURE_NAME), field: own(field ?? UNKNOWN_FIELD), level, online_service: 'none' };
			this.procedures.set(p.code, p);
		}
		// A procedure offers the deepest online service any of its dossiers used.
		if (channel === 'online_full') p.online_service = 'full';
		else if (channel === 'online_partial' && p.online_service === 'none') p.online_service = 'partial';
		return key;
	}

	newAgencies(): AgencyRecord[] {
		return [...this.added.values()].map((a) => ({ id: a.id, name: a.name, short_name: shortName(a.name), level: a.level, valid_from: dayOfMicros(a.firstReceived), inferred: a.inferred }));
	}

	newProcedures(): ProcedureRecord[] {
		return [...this.procedures.values()];
	}
}
