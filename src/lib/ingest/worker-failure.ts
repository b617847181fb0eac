/** A failure in a load's worker, as the page rebuilds it: a file's error keeps its code for the user's message. */
import { FileError } from './sources';

export type Failure = { type: 'failed'; fileError: { code: FileError['code']; detail: string; line: number | null; file: string | null } | null; message: string };

export function failureOf(err: unknown): Failure {
	const fileError = err instanceof FileError ? { code: err.code, detail: err.detail, line: err.line, file: err.file } : null;
	return { type: 'failed', fileError, message: err instanceof Error ? err.message : String(err) };
}

export function errorOf(f: Failure): Error {
	if (!f.fileError) return new Error(f.message);
	const e = new FileError(f.fileError.code, f.fileError.detail, f.fileError.line);
	e.file = f.fileError.file;
	return e;
}
