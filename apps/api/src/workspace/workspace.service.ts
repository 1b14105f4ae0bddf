import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  type DialerStatus,
  DEFAULT_PERMISSION_TOGGLES,
  permissionsOf,
  type MembershipView,
  type PermissionToggles,
  type Plan,
  type Role,
  type WorkspaceView,
} from '@ringtonic/contracts';
import { DataSource, Repository } from 'typeorm';
import { DomainError, notFound } from '../common/domain-error.js';
import type { WorkspaceAccess } from '../common/request-context.js';
import { SecretBox } from '../common/secret-box.js';
import type { TwilioSettingsDto, UpdateWorkspaceDto } from './dto/workspace-settings.dto.js';
import { MembershipEntity } from './entities/membership.entity.js';
import { WorkspaceEntity } from './entities/workspace.entity.js';
import { acceptedType, claimTwilioAccount, isAccountSidTaken, accountTaken, normaliseAccountSid, type TwilioAccountVerifier } from './twilio-ownership.js';
import { dialerPrerequisites, toWorkspaceView } from './workspace.views.js';

export interface TwilioSecrets {
  workspaceId: string;
  plan: Plan;
  dialerEnabled: boolean;
  accountSid: string | null;
  authToken: string | null;
  apiKeySid: string | null;
  apiKeySecret: string | null;
  twimlAppSid: string | null;
  accountType: 'Trial' | 'Full' | null;
  dialerStatus: DialerStatus;
  dialerStatusMessage: string | null;
}

export interface AiSecrets {
  enabled: boolean;
  apiKey: string | null;
  /** null = OpenAI's own endpoint. */
  baseUrl: string | null;
  transcriptionModel: string;
  analysisModel: string;
}

/** What one settings save asks of the dialer provisioning it triggers. */
export interface DialerSave {
  /** The save set Twilio credentials or the API key, or switched the dialer on. */
  credentialsChanged?: boolean;
  /** Re-point the tracking numbers even when nothing they depend on changed. */
  repointAlways?: boolean;
  /** Create numbers missing from the account altogether (the sandbox only). */
  recreateMissing?: boolean;
}
type DialerProvisioner = (workspaceId: string, save: DialerSave) => Promise<void>;

@Injectable()
export class WorkspaceService {
  constructor(
    @InjectRepository(WorkspaceEntity) private readonly workspaces: Repository<WorkspaceEntity>,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly secrets: SecretBox,
  ) {}

  async create(input: { name: string; ownerUserId: string; plan?: Plan; defaultCountry?: string }): Promise<WorkspaceView> {
    return this.db.transaction(async (tx) => {
      const ws = await tx.save(
        tx.create(WorkspaceEntity, {
          name: input.name.trim(),
          plan: input.plan ?? 'indie',
          defaultCountry: input.defaultCountry ?? 'US',
          permissionToggles: { ...DEFAULT_PERMISSION_TOGGLES },
        }),
      );
      await tx.save(tx.create(MembershipEntity, { workspaceId: ws.id, userId: input.ownerUserId, role: 'owner' }));
      return toWorkspaceView(ws);
    });
  }

  /** Adds a member directly (demo seed, tests); people join through invitations. */
  async addMember(workspaceId: string, userId: string, role: Role): Promise<void> {
    await this.memberships.save(this.memberships.create({ workspaceId, userId, role }));
  }

  async findByName(name: string): Promise<WorkspaceView | null> {
    const ws = await this.workspaces.findOne({ where: { name } });
    return ws ? toWorkspaceView(ws) : null;
  }

  async get(workspaceId: string): Promise<WorkspaceView> {
    return toWorkspaceView(await this.load(workspaceId));
  }

  /** `save` tells the provisioning this save triggers how to treat the tracking numbers (the demo's start). */
  async update(access: WorkspaceAccess, dto: UpdateWorkspaceDto, save: Pick<DialerSave, 'repointAlways' | 'recreateMissing'> = {}): Promise<WorkspaceView> {
    if (dto.plan !== undefined && access.role !== 'owner') {
      throw new DomainError('OWNER_ONLY', 'Only an owner can change the plan', HttpStatus.FORBIDDEN);
    }
    const ws = await this.load(access.workspaceId);
    const wasEnabled = ws.dialerEnabled;
    if (dto.name !== undefined) ws.name = dto.name.trim();
    if (dto.plan !== undefined) ws.plan = dto.plan;
    if (dto.defaultCountry !== undefined) ws.defaultCountry = dto.defaultCountry;
    if (dto.ringTimeoutSeconds !== undefined) ws.ringTimeoutSeconds = dto.ringTimeoutSeconds;
    if (dto.recordCalls !== undefined) ws.recordCalls = dto.recordCalls;
    if (dto.recordingAnnouncement !== undefined) ws.recordingAnnouncement = dto.recordingAnnouncement?.trim() || null;
    if (dto.permissions) ws.permissionToggles = { ...ws.permissionToggles, ...definedOnly(dto.permissions) };
    // Verified with Twilio before anything is stored; refused (nothing changed) when Twilio says no.
    const claim = dto.twilio ? await this.applyTwilio(ws, dto.twilio) : null;
    if (dto.dialer) {
      const { enabled, apiKeySid, apiKeySecret } = dto.dialer;
      if (enabled !== undefined) ws.dialerEnabled = enabled;
      if (apiKeySid !== undefined) ws.apiKeySid = apiKeySid;
      if (apiKeySecret !== undefined) ws.apiKeySecretEnc = this.seal(apiKeySecret);
    }
    if (dto.ai) {
      const { enabled, openaiApiKey, baseUrl, transcriptionModel, analysisModel } = dto.ai;
      if (enabled !== undefined) ws.aiEnabled = enabled;
      if (openaiApiKey !== undefined) ws.openaiApiKeyEnc = this.seal(openaiApiKey);
      if (baseUrl !== undefined) ws.aiBaseUrl = baseUrl;
      if (transcriptionModel !== undefined) ws.aiTranscriptionModel = transcriptionModel;
      if (analysisModel !== undefined) ws.aiAnalysisModel = analysisModel;
    }
    const prerequisites = dialerPrerequisites(ws);
    if (prerequisites || !this.provisioner) {
      ws.dialerStatus = prerequisites?.status ?? 'not_ready';
      ws.dialerStatusMessage = prerequisites?.message ?? 'The TwiML Application could not be provisioned.';
    }
    await this.db
      .transaction(async (tx) => {
        if (claim) await claimTwilioAccount(tx, ws.id, claim);
        await tx.save(ws);
      })
      .catch((e: unknown) => {
        throw isAccountSidTaken(e) ? accountTaken() : e;
      });
    // Saving with the dialer enabled (re)provisions the TwiML Application; saving again retries.
    if (!prerequisites && this.provisioner) {
      const credentialsChanged = Boolean(dto.twilio?.accountSid || dto.twilio?.authToken || dto.dialer?.apiKeySid || dto.dialer?.apiKeySecret) || !wasEnabled;
      await this.provisioner(ws.id, { ...save, credentialsChanged });
    }
    return this.get(ws.id);
  }

  /**
   * A save's `twilio` block on the loaded row. A new Auth Token (or Account SID, which needs its
   * token alongside) is checked with Twilio first: GET /Accounts/{sid} with that very pair.
   * Returns the Account SID the save claims (verified), or null when it claims none.
   */
  private async applyTwilio(ws: WorkspaceEntity, t: TwilioSettingsDto): Promise<string | null> {
    const accountSid = t.accountSid === undefined ? ws.twilioAccountSid : normaliseAccountSid(t.accountSid);
    const sidChanged = accountSid !== ws.twilioAccountSid;
    if (sidChanged && accountSid !== null && typeof t.authToken !== 'string') {
      throw new DomainError('VALIDATION_FAILED', 'twilio.authToken must be given again when twilio.accountSid changes', HttpStatus.BAD_REQUEST);
    }
    if (sidChanged) {
      // The TwiML App lives in the previous account: provisioning makes one in the new account.
      Object.assign(ws, { twilioAccountSid: accountSid, twilioAccountType: null, twilioAccountVerifiedAt: null, twimlAppSid: null });
    }
    if (t.authToken === undefined) return null;
    if (t.authToken === null || accountSid === null) {
      ws.twilioAuthTokenEnc = this.seal(t.authToken);
      return null;
    }
    if (!this.verifier) throw new DomainError('TWILIO_UNREACHABLE', 'Twilio credentials cannot be verified right now: save again to retry', HttpStatus.BAD_GATEWAY);
    ws.twilioAccountType = acceptedType(await this.verifier({ accountSid, authToken: t.authToken }));
    ws.twilioAuthTokenEnc = this.seal(t.authToken);
    ws.twilioAccountVerifiedAt = new Date();
    return accountSid;
  }

  private verifier: TwilioAccountVerifier | null = null;

  /** dialer-provisioning registers its Account probe here (settings saves verify credentials with it). */
  verifyTwilioWith(verifier: TwilioAccountVerifier): void {
    this.verifier = verifier;
  }

  private provisioner: DialerProvisioner | null = null;

  /** dialer-provisioning registers itself here, so this module need not import it. */
  onDialerSettingsSaved(provisioner: DialerProvisioner): void {
    this.provisioner = provisioner;
  }

  /** Decrypted Twilio credentials for the telephony module; never leaves the server. */
  async twilioCredentials(workspaceId: string): Promise<TwilioSecrets> {
    const ws = await this.load(workspaceId);
    const open = (v: string | null) => (v === null ? null : this.secrets.decrypt(v));
    return {
      workspaceId: ws.id,
      plan: ws.plan,
      dialerEnabled: ws.dialerEnabled,
      accountSid: ws.twilioAccountSid,
      authToken: open(ws.twilioAuthTokenEnc),
      apiKeySid: ws.apiKeySid,
      apiKeySecret: open(ws.apiKeySecretEnc),
      twimlAppSid: ws.twimlAppSid,
      accountType: ws.twilioAccountType,
      dialerStatus: ws.dialerStatus,
      dialerStatusMessage: ws.dialerStatusMessage,
    };
  }

  /** Decrypted AI settings for the ai module; the key never leaves the server. */
  async aiSecrets(workspaceId: string): Promise<AiSecrets> {
    const ws = await this.load(workspaceId);
    return {
      enabled: ws.aiEnabled,
      apiKey: ws.openaiApiKeyEnc === null ? null : this.secrets.decrypt(ws.openaiApiKeyEnc),
      baseUrl: ws.aiBaseUrl,
      transcriptionModel: ws.aiTranscriptionModel,
      analysisModel: ws.aiAnalysisModel,
    };
  }

  /** The workspace (its id from the webhook guard) if its dialer uses this TwiML Application in this account, or null. */
  async byTwimlApp(workspaceId: string, accountSid: string, applicationSid: string): Promise<WorkspaceView | null> {
    const ws = await this.workspaces.findOne({ where: { id: workspaceId, twilioAccountSid: accountSid, twimlAppSid: applicationSid } });
    return ws ? toWorkspaceView(ws) : null;
  }

  /** The one workspace holding this Twilio account (unique) with its Auth Token: what signs its webhooks. */
  /** `sealed` is the stored ciphertext: the guard checks it is still the one stored (a rotation is seen at once). */
  async accountHolder(accountSid: string): Promise<{ workspaceId: string; authToken: string; sealed: string } | null> {
    const ws = await this.workspaces.findOne({ where: { twilioAccountSid: accountSid }, select: { id: true, twilioAuthTokenEnc: true } });
    return ws?.twilioAuthTokenEnc ? { workspaceId: ws.id, authToken: this.secrets.decrypt(ws.twilioAuthTokenEnc), sealed: ws.twilioAuthTokenEnc } : null;
  }

  async recordDialerState(
    workspaceId: string,
    state: { status: DialerStatus; message: string | null; twimlAppSid?: string | null; accountType?: 'Trial' | 'Full' | null },
  ): Promise<void> {
    await this.workspaces.update(
      { id: workspaceId },
      {
        dialerStatus: state.status,
        dialerStatusMessage: state.message,
        ...(state.twimlAppSid !== undefined ? { twimlAppSid: state.twimlAppSid } : {}),
        ...(state.accountType !== undefined ? { twilioAccountType: state.accountType } : {}),
      },
    );
  }

  /** The caller's role in a workspace with that workspace's permission toggles, or null when not a member. */
  async accessFor(userId: string, workspaceId: string): Promise<WorkspaceAccess | null> {
    // Every workspace request runs this: a plain statement, no query builder.
    const [row] = (await this.db.query(
      `SELECT m.role, w.permission_toggles AS toggles FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
        WHERE m.workspace_id = $1 AND m.user_id = $2`,
      [workspaceId, userId],
    )) as Array<{ role: Role; toggles: PermissionToggles }>;
    if (!row) return null;
    return { workspaceId, role: row.role, userId, apiKeyId: null, toggles: row.toggles };
  }

  async togglesOf(workspaceId: string): Promise<PermissionToggles | null> {
    const ws = await this.workspaces.findOne({ where: { id: workspaceId }, select: { id: true, permissionToggles: true } });
    return ws?.permissionToggles ?? null;
  }

  async membershipsOf(userId: string): Promise<MembershipView[]> {
    const rows = await this.db
      .createQueryBuilder()
      .select(['w.id AS "workspaceId"', 'w.name AS "workspaceName"', 'm.role AS role', 'w.permission_toggles AS toggles'])
      .from(MembershipEntity, 'm')
      .innerJoin(WorkspaceEntity, 'w', 'w.id = m.workspace_id')
      .where('m.user_id = :userId', { userId })
      .orderBy('m.created_at', 'ASC')
      .getRawMany<{ workspaceId: string; workspaceName: string; role: Role; toggles: PermissionToggles }>();
    return rows.map((r) => ({
      workspaceId: r.workspaceId,
      workspaceName: r.workspaceName,
      role: r.role,
      permissions: permissionsOf(r.role, r.toggles),
    }));
  }

  async nameOf(workspaceId: string): Promise<string> {
    return (await this.load(workspaceId)).name;
  }

  private async load(id: string): Promise<WorkspaceEntity> {
    const ws = await this.workspaces.findOne({ where: { id } });
    if (!ws) throw notFound('Workspace');
    return ws;
  }

  private seal(value: string | null): string | null {
    return value === null ? null : this.secrets.encrypt(value);
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
