/** Runs metric requests (domain/query.ts) on an engine: the only road from a view to a figure. */
import { metricsSql, readMetricsRows, type MetricsRequest, type MetricsRow } from '../domain/query';
import type { Engine } from './types';

export async function queryMetrics(engine: Engine, req: MetricsRequest): Promise<MetricsRow[]> {
	return readMetricsRows(await engine.query(metricsSql(req)), req.groupBy ?? []);
}
