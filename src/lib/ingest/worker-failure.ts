/** A failure in a load's worker, as the page rebuilds it: a file's error keeps its code for the user's message. */
import { FileError } from './sources';

export type Failure = { type: 'failed'; fileError: { code: FileError['code']; detail: string } | null; message: string };

export function failureOf(err: unknown): Failure {
	const fileError = err instanceof FileError ? { code: err.code, detail: err.detail } : null;
	return { type: 'failed', fileError, message: err instanceof Error ? err.message : String(err) };
}

export function errorOf(f: Failure): Error {
	return f.fileError ? new FileError(f.fileError.code, f.fileError.detail) : new Error(f.message);
}
