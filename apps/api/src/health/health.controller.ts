import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { HealthResponse, LivenessResponse } from '@ringtonic/contracts';
import type { Response } from 'express';
import { Public } from '../common/decorators.js';
import { HealthService } from './health.service.js';

const HEALTH_SCHEMA = {
  type: 'object',
  required: ['status', 'database'],
  properties: { status: { type: 'string', enum: ['ok', 'degraded'] }, database: { type: 'string', enum: ['up', 'down'] } },
};
const UP = { schema: { ...HEALTH_SCHEMA, example: { status: 'ok', database: 'up' } }, description: 'The database answers' };
const DOWN = { schema: { ...HEALTH_SCHEMA, example: { status: 'degraded', database: 'down' } }, description: 'The database does not answer (within 2 s)' };

/**
 * Probes for load balancers and orchestrators: liveness (the process runs: never restart it for a
 * database outage, it reconnects by itself) and readiness (send it traffic: the database answers).
 */
@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Readiness (the same as /api/health/ready): 200 while the database answers, 503 while it does not' })
  @ApiOkResponse(UP)
  @ApiServiceUnavailableResponse(DOWN)
  check(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    return this.ready(res);
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: 200 while the database answers, 503 while it does not (take the instance out of rotation)' })
  @ApiOkResponse(UP)
  @ApiServiceUnavailableResponse(DOWN)
  async ready(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const state = await this.health.readiness();
    if (state.status !== 'ok') res.status(503);
    return state;
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: 200 while the process runs, whatever the database does (restart the instance only when this fails)' })
  @ApiOkResponse({ schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } }, example: { status: 'ok' } } })
  live(): LivenessResponse {
    return { status: 'ok' };
  }
}
