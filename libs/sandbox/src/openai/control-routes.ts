import { controlError, field, numberField, oneOf } from '../control/body.js';
import { sendJson, type RequestContext, type Router } from '../http/router.js';
import { OPENAI_ENDPOINTS, type OpenAiControl } from './control.js';

const endpointField = (ctx: RequestContext) => oneOf(ctx, 'endpoint', OPENAI_ENDPOINTS) ?? null;
const keyFilter = (ctx: RequestContext) => ctx.query.get('apiKey') || null;

function integerField(ctx: RequestContext, name: string, test: (n: number) => boolean, rule: string): number | undefined {
  const raw = field(ctx, name);
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || !test(value)) throw controlError(400, `${name} must be ${rule}`);
  return value;
}

// /sandbox/openai/*: faults, delays and the request log of the /v1 endpoints (no auth, like /sandbox).
export function registerOpenAiControl(router: Router, control: OpenAiControl): void {
  router.post('/sandbox/openai/faults', (ctx) => {
    const status = integerField(ctx, 'status', (n) => n >= 400 && n <= 599, 'an HTTP error status (400-599)');
    if (status === undefined) throw controlError(400, 'status is required');
    const count = integerField(ctx, 'count', (n) => n >= 1 || n === -1, 'a positive integer, or -1 for every request') ?? 1;
    const fault = control.addFault({
      status,
      count,
      endpoint: endpointField(ctx),
      apiKey: field(ctx, 'apiKey') || null,
      message: field(ctx, 'message') || null,
      retryAfterMs: numberField(ctx, 'retryAfterMs') ?? null,
    });
    sendJson(ctx.res, 201, fault);
  });
  router.get('/sandbox/openai/faults', (ctx) => sendJson(ctx.res, 200, control.faults().filter((f) => !keyFilter(ctx) || f.apiKey === keyFilter(ctx))));
  router.delete('/sandbox/openai/faults', (ctx) => {
    control.clearFaults(keyFilter(ctx));
    ctx.res.writeHead(204).end();
  });

  router.post('/sandbox/openai/delays', (ctx) => {
    const ms = numberField(ctx, 'ms');
    if (ms === undefined) throw controlError(400, 'ms is required');
    sendJson(ctx.res, 201, control.addDelay({ ms, endpoint: endpointField(ctx), apiKey: field(ctx, 'apiKey') || null }));
  });
  router.get('/sandbox/openai/delays', (ctx) => sendJson(ctx.res, 200, control.delays().filter((d) => !keyFilter(ctx) || d.apiKey === keyFilter(ctx))));
  router.delete('/sandbox/openai/delays', (ctx) => {
    control.clearDelays(keyFilter(ctx));
    ctx.res.writeHead(204).end();
  });

  router.get('/sandbox/openai/requests', (ctx) => {
    sendJson(ctx.res, 200, control.requests({ apiKey: keyFilter(ctx), endpoint: ctx.query.get('endpoint') }));
  });
  router.delete('/sandbox/openai/requests', (ctx) => {
    control.clearRequests(keyFilter(ctx));
    ctx.res.writeHead(204).end();
  });
}
