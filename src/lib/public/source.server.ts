/**
 * The published figures at build time: the JSON file that scripts/public-figures.ts wrote
 * from the dossier database, named by PUBLIC_FIGURES. Read while prerendering only; the
 * database never reaches the public pages.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { PublicFigures } from './figures';

export function readPublicFigures(): PublicFigures | null {
	const path = process.env.PUBLIC_FIGURES;
	if (!path || !existsSync(path)) return null;
	return JSON.parse(readFileSync(path, 'utf8')) as PublicFigures;
}
