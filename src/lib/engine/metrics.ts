/** Runs metric requests (domain/query.ts) on an engine: the only road from a view to a figure. */
import { dossierListSql, metricsSql, readMetricsRows, type DossierListRequest, type DossierListRow, type MetricsRequest, type MetricsRow } from '../domain/query';
import type { Engine } from './types';

export async function queryMetrics(engine: Engine, req: MetricsRequest): Promise<MetricsRow[]> {
	return readMetricsRows(await engine.query(metricsSql(req)), req.groupBy ?? []);
}

/** A page of the dossiers behind a view, overdue first. */
export async function queryDossiers(engine: Engine, req: DossierListRequest): Promise<DossierListRow[]> {
	return engine.query<DossierListRow & Record<string, unknown>>(dossierListSql(req));
}
