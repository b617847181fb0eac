/**
 * The data folder an ingest keeps up to date (`npm run ingest -- --out DIR`): manifest.json
 * names the current database; earlier databases stay beside it for a rollback; logs/ holds
 * one folder per run; agencies.csv is the agency register.
 *
 * Nothing the site reads is ever written in place. A new database is written in
 * DIR/.incoming/, synced to disk and renamed into DIR; the manifest is written to a temporary
 * file, synced and renamed over manifest.json last. A crash, a full disk or Ctrl+C at any
 * moment therefore leaves the previous database and manifest whole, and a page reading the
 * previous database goes on reading it. A lock keeps two runs from writing at once.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface IngestManifest {
	province: string;
	/** The current database, a file of this folder. */
	database: string;
	/** Dossiers in it. */
	size: number;
	dataAsOf: string;
	cutoffDay: number;
	source: 'ingest';
	updatedAt: string;
	/** The database this one replaced, kept beside it for a rollback. */
	previous: string | null;
	bytes: number;
}

const INCOMING = '.incoming';
const LOCK = '.ingest.lock';

/** A process id that is still running (a lock left by a killed run is not). */
function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export class DataFolder {
	private constructor(readonly dir: string) {}

	/**
	 * Opens DIR for a run: creates it when new, takes the lock (or throws 'locked' with the
	 * holder's pid) and removes what a killed run left in .incoming.
	 */
	static open(dir: string): DataFolder {
		mkdirSync(dir, { recursive: true });
		const lock = join(dir, LOCK);
		for (;;) {
			try {
				const fd = openSync(lock, 'wx');
				writeSync(fd, String(process.pid));
				closeSync(fd);
				break;
			} catch (e) {
				if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
				const holder = Number(readFileSync(lock, 'utf8'));
				if (holder && alive(holder)) throw Object.assign(new Error('locked'), { holder });
				rmSync(lock, { force: true });
			}
		}
		rmSync(join(dir, INCOMING), { recursive: true, force: true });
		return new DataFolder(dir);
	}

	release(): void {
		rmSync(join(this.dir, LOCK), { force: true });
		rmSync(join(this.dir, INCOMING), { recursive: true, force: true });
	}

	path(...parts: string[]): string {
		return join(this.dir, ...parts);
	}

	manifest(): IngestManifest | null {
		const file = this.path('manifest.json');
		return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as IngestManifest) : null;
	}

	/** Where a new database is written before it is complete. */
	incoming(name: string): string {
		mkdirSync(this.path(INCOMING), { recursive: true });
		return this.path(INCOMING, name);
	}

	/** Moves a complete database from .incoming into the folder, on disk before and after. */
	install(incomingPath: string): string {
		syncFile(incomingPath);
		const name = basename(incomingPath);
		renameSync(incomingPath, this.path(name));
		syncFile(this.dir);
		return name;
	}

	/** Writes a file of the folder whole or not at all: a temporary file, synced, renamed over it. */
	writeAtomic(name: string, content: string): void {
		const tmp = this.path(`.${name}.tmp`);
		writeFileSync(tmp, content);
		syncFile(tmp);
		renameSync(tmp, this.path(name));
		syncFile(this.dir);
	}

	/** Makes `manifest` the current one: the last step of a run. */
	publish(manifest: IngestManifest): void {
		this.writeAtomic('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
	}

	/** Removes databases beyond the `keep` newest that the manifest does not name. */
	prune(current: string, keep: number): string[] {
		const old = readdirSync(this.dir)
			.filter((f) => f.endsWith('.duckdb') && f !== current)
			.map((f) => ({ f, at: statSync(this.path(f)).mtimeMs }))
			.sort((a, b) => b.at - a.at)
			.slice(keep)
			.map(({ f }) => f);
		for (const f of old) rmSync(this.path(f), { force: true });
		return old;
	}
}

function syncFile(path: string): void {
	const fd = openSync(path, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}
