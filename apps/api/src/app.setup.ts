import { type INestApplication, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HttpErrorFilter } from './common/http-error.filter.js';
import type { AppRequest } from './common/request-context.js';
import type { AppConfig } from './config/app-config.js';
import { APP_CONFIG } from './config/config.module.js';
import { securityHeaders } from './security-headers.js';
import { TELEPHONY_OPTIONS, type TelephonyOptions } from './telephony/telephony.options.js';

/** Everything main.ts and the tests share: security headers, validation, errors, cookies, OpenAPI, correlation ids. */
export function configureApp(app: INestApplication, trustProxy: number | string = 'loopback'): void {
  const express = app as NestExpressApplication;
  express.set('trust proxy', trustProxy);
  express.disable('x-powered-by');
  // First, so every response carries them: API, errors, Swagger UI and the SPA (serveSpa comes after).
  const { publicUrl } = app.get<AppConfig>(APP_CONFIG, { strict: false });
  const { sandboxUrl } = app.get<TelephonyOptions>(TELEPHONY_OPTIONS, { strict: false });
  for (const handler of securityHeaders({ publicUrl, sandboxUrl })) app.use(handler);
  app.use(cookieParser());
  app.use((req: AppRequest, res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id'];
    req.correlationId = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', req.correlationId);
    next();
  });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
    }),
  );
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();

  const doc = new DocumentBuilder()
    .setTitle('Ring Tonic Browser Dialer API')
    .setDescription('REST API of the Ring Tonic Browser Dialer. Authenticate with a user access token or a workspace API key (rt_…).')
    .setVersion('1')
    .addBearerAuth()
    .addCookieAuth('rt_refresh')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'api/docs-json' });
}

/** Serves the built SPA on the API's origin, index.html for client-side routes. */
export function serveSpa(app: INestApplication, distDir: string): boolean {
  const dir = resolve(distDir);
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const express = app as NestExpressApplication;
  express.useStaticAssets(dir, { index: false, maxAge: '1h', setHeaders: (res, path) => {
    if (path.endsWith('index.html')) res.setHeader('Cache-Control', 'no-cache');
  } });
  app.use((req: AppRequest, res: Response, next: NextFunction) => {
    const isApi = /^\/(api|webhooks|realtime|socket\.io)(\/|$)/.test(req.path);
    if (req.method !== 'GET' || isApi || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
