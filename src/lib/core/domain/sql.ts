/**
 * Values written into SQL text. Every literal goes through @uwdata/mosaic-sql's quoting, so
 * no module quotes by hand; days and instants are typed literals (no time zone anywhere:
 * docs/METRICS.md).
 */
import { literal } from '@uwdata/mosaic-sql';

/** A string as an SQL literal, quotes doubled. */
export const sqlString = (value: string): string => literal(value).toString();

/** Strings as the items of an SQL list: `'a', 'b'`. */
export const sqlList = (values: readonly string[]): string => values.map(sqlString).join(', ');

/** An ISO day as a DATE literal. */
export const sqlDate = (day: string): string => `DATE ${sqlString(day)}`;

/** A local instant (`YYYY-MM-DD HH:MM:SS[.ffffff]`) as a TIMESTAMP literal. */
export const sqlTimestamp = (instant: string): string => `TIMESTAMP ${sqlString(instant)}`;
