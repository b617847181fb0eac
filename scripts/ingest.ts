/**
 * `npm run ingest -- --out DIR [--agencies FILE] [--holidays FILE] [--mapping FILE] [--header-line N]
 * [--province NAME] [--cutoff-day N] [--keep N] [--rewrite-above F] [--lang en] FILE…`:
 * merges a province's exports into the data folder DIR (created by the first run), which
 * `npm run build -- --data DIR` publishes. The database is brought up to date in a copy of
 * the previous one while the dossiers changed since it was last written whole are at most
 * the share F of it (0.1), and written whole above that (0: every time).
 * Exits 0 when the files loaded (rejected rows are not a failure: they are in the log), 1
 * with a message when a file cannot be read or a required field cannot be mapped (DIR is
 * then as it was), 2 when the command itself is wrong. docs/PUBLISHING.md is the runbook.
 */
import { parseArgs } from 'node:util';
import { formatCount, formatDay, type Locale } from '../src/lib/core/format/format';
import { cliText } from '../src/lib/ingest/cli-messages';
import { ingest, REWRITE_ABOVE } from './ingest/run';
import { IngestError } from './ingest/plan';

const say = (line: string) => process.stderr.write(line + '\n');

let args;
try {
	args = parseArgs({
		allowPositionals: true,
		options: {
			out: { type: 'string' },
			agencies: { type: 'string' },
			holidays: { type: 'string' },
			mapping: { type: 'string' },
			'header-line': { type: 'string' },
			province: { type: 'string' },
			'cutoff-day': { type: 'string' },
			keep: { type: 'string', default: '7' },
			'rewrite-above': { type: 'string' },
			lang: { type: 'string', default: 'vi' }
		}
	});
} catch (e) {
	say(`${(e as Error).message}\n${cliText('vi', 'usage')}`);
	process.exit(2);
}
const { values, positionals } = args;
const locale: Locale = values.lang === 'en' ? 'en' : 'vi';
if (!values.out || !positionals.length) {
	say(`${cliText(locale, values.out ? 'noFiles' : 'noOut')}\n${cliText(locale, 'usage')}`);
	process.exit(2);
}

try {
	const r = await ingest({
		out: values.out,
		files: positionals,
		agencies: values.agencies ?? null,
		holidays: values.holidays ?? null,
		mapping: values.mapping ?? null,
		headerLine: values['header-line'] ? Number(values['header-line']) : null,
		province: values.province ?? null,
		cutoffDay: values['cutoff-day'] ? Number(values['cutoff-day']) : null,
		keep: Number(values.keep),
		rewriteAbove: values['rewrite-above'] === undefined ? REWRITE_ABOVE : Number(values['rewrite-above']),
		locale,
		say
	});
	const n = (v: number) => formatCount(v, locale);
	const { tally } = r;
	if (r.changed) say(cliText(locale, 'written', { dir: values.out, dossiers: n(r.manifest!.size), asOf: formatDay(r.manifest!.dataAsOf), database: r.manifest!.database, log: r.log }));
	else say(cliText(locale, 'unchanged', { dir: values.out, database: r.manifest!.database }));
	// The one line of the account, last, on standard output.
	console.log(
		cliText(locale, 'account', {
			files: positionals.length === 1 ? positionals[0] : `${positionals.length} tệp`,
			read: n(tally.rowsRead),
			new: n(tally.rowsNew),
			updated: n(tally.rowsUpdated),
			unchanged: n(tally.rowsUnchanged),
			rejected: n(tally.rowsRejected),
			warnings: n(tally.warnings.length)
		})
	);
} catch (e) {
	if (e instanceof IngestError) say(e.message);
	else say(cliText(locale, 'unexpected', { detail: e instanceof Error ? e.message : String(e) }));
	say(cliText(locale, 'failed', { dir: values.out }));
	process.exit(1);
}
