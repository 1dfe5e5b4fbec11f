/** OC4IDS open data: the visible projects as a project package, and the import of a package into the sandbox. */
import type { Oc4idsExportQueryJson, Oc4idsImportResult } from '@keyprojects/core';
import { apiRequest, apiUrl, type QueryValue } from './client.ts';

/** The link of the OC4IDS package of the visible projects, optionally with project-list filters. */
export function oc4idsPackageUrl(filters: Partial<Record<keyof Oc4idsExportQueryJson, QueryValue>> = {}): string {
  return apiUrl('/oc4ids/projects.json', filters);
}

/** Imports a project package (already parsed JSON) into the open-data sandbox. */
export function importOc4idsPackage(pkg: unknown): Promise<Oc4idsImportResult> {
  return apiRequest<Oc4idsImportResult>('/oc4ids/import', { method: 'POST', body: pkg });
}
