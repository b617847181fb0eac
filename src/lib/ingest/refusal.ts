/**
 * A file refused whole (sources.ts FileError) in words for the user: the cause, the line
 * where it can be told, and what to do; never a library's own message. The data page and
 * `npm run ingest` say it the same way.
 */
import { formatCount, type Locale } from '../core/format/format';
import { fill } from '../core/i18n/messages';
import { REFUSALS, t } from './messages';
import type { FileError } from './sources';

export function refusalText(locale: Locale, e: FileError): string {
	return fill(REFUSALS[locale][e.code], { detail: e.detail, where: e.line === null ? '' : t(locale, 'atLine', { line: formatCount(e.line, locale) }) });
}
