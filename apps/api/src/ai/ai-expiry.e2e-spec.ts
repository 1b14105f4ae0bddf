import { jest } from '@jest/globals';
import { AI_SECOND_MS, aiWorkspace, analysed, DANA, leaveVoicemail } from '../../test/factories/ai.factory.js';
import { routingWorld, type RoutingWorld } from '../../test/factories/routing.factory.js';
import { post } from '../../test/factories/sandbox.factory.js';

// Its own file: queue settings (timeout, retries) are per app and shared through the database.

// Each test waits on a whole recorded call and its analysis (several webhooks and jobs).
jest.setTimeout(60_000);
describe('AI pipeline: a job that never finishes (e2e)', () => {
  let w: RoutingWorld;

  beforeAll(async () => {
    w = await routingWorld(1, { AI_RETRY_LIMIT: '0', AI_JOB_TIMEOUT_SECONDS: '2', JOBS_POLL_SECONDS: '0.5' }, AI_SECOND_MS);
  });
  afterAll(async () => w.close());

  it('should mark the log failed when the queue gives up on a job that kept timing out', async () => {
    const ws = await aiWorkspace(w.apps[0]!.app, w.sandbox);
    await post(`${w.sandbox.url}/sandbox/openai/delays`, { ms: 30_000, endpoint: 'transcriptions', apiKey: ws.openaiKey });
    const id = await leaveVoicemail(w.apps[0]!.app, w.sandbox, ws, '+14155550401', DANA);
    const log = await analysed(w.apps[0]!.app, ws, id, ['done', 'failed'], 20_000);
    expect(log.ai).toMatchObject({ status: 'failed', error: 'The analysis did not finish within 2 s (1 attempt)' });
    expect(log.status).toBe('voicemail');
    await fetch(`${w.sandbox.url}/sandbox/openai/delays`, { method: 'DELETE' });
  });
});
