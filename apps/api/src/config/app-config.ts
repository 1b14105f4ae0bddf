import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
  validateSync,
} from 'class-validator';
import { isIP } from 'node:net';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
/** Express's `trust proxy`: a hop count, or named ranges / IP addresses / CIDRs separated by commas. */
function isTrustProxy(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (/^\d{1,2}$/.test(value)) return true;
  return value.split(',').every((item) => {
    const [address, bits, ...rest] = item.trim().split('/');
    if (TRUST_PROXY_NAMES.has(address) && bits === undefined) return true;
    const family = isIP(address);
    if (!family || rest.length) return false;
    return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  });
}

@ValidatorConstraint({ name: 'trustProxy' })
class TrustProxyConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isTrustProxy(value);
  }
}

/** Every environment setting the API reads; `.env.example` mirrors it line for line. */
export class EnvSchema {
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  SANDBOX_PORT?: number;

  @IsOptional() @IsIn(['on', 'off'])
  SANDBOX?: 'on' | 'off';

  @IsOptional() @IsString()
  DATA_DIR?: string;

  @IsOptional() @Transform(emptyToUndefined)
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must start with postgres:// or postgresql://' })
  DATABASE_URL?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  EMBEDDED_PG_PORT?: number;

  @IsOptional() @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'PUBLIC_URL must be an http(s) URL such as https://dialer.example.com' })
  PUBLIC_URL?: string;

  @IsOptional() @Transform(emptyToUndefined)
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'ENCRYPTION_KEY must be 64 hex characters (32 bytes); leave it unset to generate one into DATA_DIR' })
  ENCRYPTION_KEY?: string;

  @IsOptional() @Transform(emptyToUndefined)
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must look like smtp://user:pass@host:587 or smtps://…' })
  SMTP_URL?: string;

  @IsOptional() @IsString()
  SMTP_FROM?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  HEARTBEAT_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(86400)
  OFFLINE_AFTER_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(86400)
  AUTO_AWAY_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(30) @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(365)
  REFRESH_TOKEN_TTL_DAYS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(365)
  SESSION_MAX_DAYS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(24 * 90)
  INVITATION_TTL_HOURS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  LOGIN_MAX_ATTEMPTS?: number;

  @IsOptional() @Transform(emptyToUndefined)
  @Validate(TrustProxyConstraint, { message: 'TRUST_PROXY must be a hop count, or a comma-separated list of loopback, linklocal, uniquelocal and IP addresses/CIDR ranges' })
  TRUST_PROXY?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsIn(['on', 'off'])
  AI_ALLOW_PRIVATE_ENDPOINTS?: 'on' | 'off';

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(10)
  AI_RETRY_LIMIT?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  AI_RETRY_DELAY_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(2) @Max(86400)
  AI_JOB_TIMEOUT_SECONDS?: number;

  @IsOptional() @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value))) @Min(0.5) @Max(60)
  JOBS_POLL_SECONDS?: number;

  /** Default on with the sandbox, off with SANDBOX=off; `on` with real Twilio is refused (well-known demo passwords). */
  @IsOptional() @Transform(emptyToUndefined) @IsIn(['on', 'off'])
  SEED_DEMO?: 'on' | 'off';

  @IsOptional() @IsString()
  WEB_DIST_DIR?: string;

  @IsOptional() @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL?: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
}

export interface AppConfig {
  port: number;
  sandbox: { enabled: boolean; port: number };
  dataDir: string;
  databaseUrl: string | null;
  embeddedPgPort: number;
  publicUrl: string;
  encryptionKeyHex: string | null;
  smtpUrl: string | null;
  smtpFrom: string;
  heartbeatSeconds: number;
  offlineAfterSeconds: number;
  autoAwaySeconds: number;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** A session ends this many days after its login, however often its refresh cookie rotated. */
  sessionMaxDays: number;
  invitationTtlHours: number;
  loginMaxAttempts: number;
  /** Which proxies' X-Forwarded-For to believe (Express `trust proxy`): a hop count or address list. */
  trustProxy: number | string;
  /** May a workspace's AI base URL point into this server's own network (a local model server)? */
  aiAllowPrivateEndpoints: boolean;
  /** The AI pipeline's pg-boss jobs: retries with exponential backoff, a stuck job's expiry, polling. */
  jobs: { aiRetryLimit: number; aiRetryDelaySeconds: number; aiJobTimeoutSeconds: number; pollSeconds: number };
  seedDemo: boolean;
  webDistDir: string | null;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Validates the whole environment at once and lists every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = plainToInstance(EnvSchema, { ...env }, { excludeExtraneousValues: false });
  const errors = validateSync(parsed, { whitelist: false });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`));
  if (parsed.SANDBOX === 'off' && parsed.SEED_DEMO === 'on') {
    problems.push('SEED_DEMO: the demo workspace (users with a published password) is refused with real Twilio (SANDBOX=off); leave SEED_DEMO unset or off');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const port = parsed.PORT ?? 3000;
  return {
    port,
    sandbox: { enabled: (parsed.SANDBOX ?? 'on') === 'on', port: parsed.SANDBOX_PORT ?? 3001 },
    dataDir: parsed.DATA_DIR ?? '.data',
    databaseUrl: parsed.DATABASE_URL ?? null,
    embeddedPgPort: parsed.EMBEDDED_PG_PORT ?? 54329,
    publicUrl: (parsed.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    encryptionKeyHex: parsed.ENCRYPTION_KEY ?? null,
    smtpUrl: parsed.SMTP_URL ?? null,
    smtpFrom: parsed.SMTP_FROM ?? 'Ring Tonic <no-reply@ringtonic.local>',
    heartbeatSeconds: parsed.HEARTBEAT_SECONDS ?? 30,
    offlineAfterSeconds: parsed.OFFLINE_AFTER_SECONDS ?? 120,
    autoAwaySeconds: parsed.AUTO_AWAY_SECONDS ?? 600,
    accessTokenTtlSeconds: parsed.ACCESS_TOKEN_TTL_SECONDS ?? 900,
    refreshTokenTtlDays: parsed.REFRESH_TOKEN_TTL_DAYS ?? 30,
    sessionMaxDays: parsed.SESSION_MAX_DAYS ?? 30,
    invitationTtlHours: parsed.INVITATION_TTL_HOURS ?? 168,
    loginMaxAttempts: parsed.LOGIN_MAX_ATTEMPTS ?? 10,
    trustProxy: /^\d+$/.test(parsed.TRUST_PROXY ?? '') ? Number(parsed.TRUST_PROXY) : (parsed.TRUST_PROXY ?? 'loopback'),
    aiAllowPrivateEndpoints: (parsed.AI_ALLOW_PRIVATE_ENDPOINTS ?? ((parsed.SANDBOX ?? 'on') === 'on' ? 'on' : 'off')) === 'on',
    jobs: {
      aiRetryLimit: parsed.AI_RETRY_LIMIT ?? 4,
      aiRetryDelaySeconds: parsed.AI_RETRY_DELAY_SECONDS ?? 30,
      aiJobTimeoutSeconds: parsed.AI_JOB_TIMEOUT_SECONDS ?? 900,
      pollSeconds: parsed.JOBS_POLL_SECONDS ?? 2,
    },
    seedDemo: (parsed.SEED_DEMO ?? ((parsed.SANDBOX ?? 'on') === 'on' ? 'on' : 'off')) === 'on',
    webDistDir: parsed.WEB_DIST_DIR ?? null,
    logLevel: parsed.LOG_LEVEL ?? 'log',
  };
}
