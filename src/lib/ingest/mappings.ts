/**
 * Mappings the user saved, reused for files with the same headers (headerSignature). Kept in
 * localStorage by header name, so a file whose columns come in another order still matches.
 */
import { FIELDS, headerSignature, normaliseText, type Mapping } from './headers';

const PREFIX = 'mapping:';

export function savedMapping(headers: readonly string[]): Mapping | null {
	const raw = globalThis.localStorage?.getItem(PREFIX + headerSignature([...headers].sort()));
	if (!raw) return null;
	const byName = JSON.parse(raw) as Record<string, string | null>;
	const names = headers.map(normaliseText);
	const mapping = Object.fromEntries(FIELDS.map((f) => [f, byName[f] ? names.indexOf(byName[f]!) : -1])) as Record<string, number>;
	for (const f of FIELDS) if (mapping[f] < 0) (mapping as Record<string, number | null>)[f] = null;
	return mapping as unknown as Mapping;
}

export function saveMapping(headers: readonly string[], mapping: Mapping): void {
	const byName = Object.fromEntries(FIELDS.map((f) => [f, mapping[f] === null ? null : normaliseText(headers[mapping[f]!])]));
	globalThis.localStorage?.setItem(PREFIX + headerSignature([...headers].sort()), JSON.stringify(byName));
}
