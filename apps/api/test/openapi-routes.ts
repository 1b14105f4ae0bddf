import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

export interface DocumentedRoute {
  method: HttpMethod;
  /** OpenAPI template, e.g. /api/v1/workspaces/{workspaceId}/contacts/{contactId} */
  path: string;
  /** Path parameters in order, each with the segment before it ("contacts/{contactId}"). */
  params: Array<{ name: string; key: string }>;
}

/** Every operation of the app's own OpenAPI document (GET /api/docs-json), optionally filtered by path. */
export async function documentedRoutes(app: INestApplication, pathFilter: (path: string) => boolean = () => true): Promise<DocumentedRoute[]> {
  const res = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
  const paths = (res.body as { paths: Record<string, Partial<Record<HttpMethod, unknown>>> }).paths;
  const routes: DocumentedRoute[] = [];
  for (const [path, ops] of Object.entries(paths)) {
    if (!pathFilter(path)) continue;
    const params = [...path.matchAll(/([^/]+)\/\{(\w+)\}/g)].map((m) => ({ name: m[2]!, key: `${m[1]}/{${m[2]}}` }));
    for (const method of METHODS) if (ops[method]) routes.push({ method, path, params });
  }
  return routes;
}

/**
 * Fills a route's template. `fill` maps "segment/{param}" keys to values; a parameter it has no
 * value for is returned in `missing` (the caller decides whether that is a failure).
 */
export function fillRoute(route: DocumentedRoute, fill: Record<string, string>): { url: string; missing: string[] } {
  const missing: string[] = [];
  let url = route.path;
  for (const p of route.params) {
    const value = fill[p.key];
    if (value === undefined) missing.push(p.key);
    else url = url.replace(`{${p.name}}`, value);
  }
  return { url, missing };
}
