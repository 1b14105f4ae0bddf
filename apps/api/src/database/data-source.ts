import { Logger } from '@nestjs/common';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { databaseOutage } from '../health/database-outage.js';
import { RefreshSessionEntity } from '../auth/entities/refresh-session.entity.js';
import { UserEntity } from '../users/entities/user.entity.js';
import { ApiKeyEntity } from '../workspace/entities/api-key.entity.js';
import { InvitationEntity } from '../workspace/entities/invitation.entity.js';
import { MembershipEntity } from '../workspace/entities/membership.entity.js';
import { WorkspaceEntity } from '../workspace/entities/workspace.entity.js';
import { Foundation1764075600000 } from './migrations/1764075600000-Foundation.js';
import { TrackingNumbers1764162000000 } from './migrations/1764162000000-TrackingNumbers.js';
import { Presence1764300000000 } from './migrations/1764300000000-Presence.js';
import { Routing1764350000000 } from './migrations/1764350000000-Routing.js';
import { CampaignEntity } from '../dialer-provisioning/entities/campaign.entity.js';
import { PhoneNumberEntity } from '../dialer-provisioning/entities/phone-number.entity.js';
import { ContactEntity } from '../contacts/entities/contact.entity.js';
import { CallLogEntity } from '../call-logs/entities/call-log.entity.js';
import { Crm1764250000000 } from './migrations/1764250000000-Crm.js';
import { ContactSearchStatistics1764420000000 } from './migrations/1764420000000-ContactSearchStatistics.js';
import { AiAnalysis1764500000000 } from './migrations/1764500000000-AiAnalysis.js';
import { ContactSortOrder1764560000000 } from './migrations/1764560000000-ContactSortOrder.js';
import { AccountSecurity1764612000000 } from './migrations/1764612000000-AccountSecurity.js';
import { ApiKeyExpiry1764614000000 } from './migrations/1764614000000-ApiKeyExpiry.js';
import { TwilioAccountOwnership1764650000000 } from './migrations/1764650000000-TwilioAccountOwnership.js';

export const ENTITIES = [UserEntity, RefreshSessionEntity, WorkspaceEntity, MembershipEntity, InvitationEntity, ApiKeyEntity, CampaignEntity, PhoneNumberEntity, ContactEntity, CallLogEntity];
export const MIGRATIONS = [Foundation1764075600000, TrackingNumbers1764162000000, Crm1764250000000, Presence1764300000000, Routing1764350000000, ContactSearchStatistics1764420000000, AiAnalysis1764500000000, ContactSortOrder1764560000000, AccountSecurity1764612000000, ApiKeyExpiry1764614000000, TwilioAccountOwnership1764650000000];

const logger = new Logger('Database');

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    // A connection PostgreSQL cannot accept fails the request in 5 s rather than hanging it.
    connectTimeoutMS: 5_000,
    // An idle connection dropped by a PostgreSQL restart: logged once per outage (the pool reconnects on the next query).
    poolErrorHandler: (e: Error) => {
      if (!databaseOutage.failed('database pool', e)) logger.warn(`Database pool: ${e.message}`);
    },
    extra: { max: 20 },
  };
}

// Several API instances may start together: one advisory lock serialises their migrations.
const MIGRATION_LOCK = 7_436_001;

export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const ran = await ds.runMigrations({ transaction: 'each' });
      return ran.map((m) => m.name);
    } finally {
      await ds.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await ds.destroy();
  }
}
