import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Role } from '@ringtonic/contracts';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

export interface InvitationMessage {
  email: string;
  role: Role;
  workspaceName: string;
  inviterName: string | null;
  acceptUrl: string;
  expiresAt: Date;
}

/** Sends invitations by SMTP when SMTP_URL is set; otherwise they wait in the outbox admins copy the link from. */
@Injectable()
export class InvitationMailer {
  private readonly logger = new Logger(InvitationMailer.name);
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  }

  get delivery(): 'email' | 'outbox' {
    return this.transport ? 'email' : 'outbox';
  }

  async send(msg: InvitationMessage): Promise<void> {
    if (!this.transport) {
      // Never the link itself: logs travel further than the Members page (log shippers, support).
      this.logger.log(`Invitation for ${msg.email} (${msg.role}) to "${msg.workspaceName}" is in the outbox: admins copy its link from Members`);
      return;
    }
    const who = msg.inviterName ? `${msg.inviterName} invited you` : 'You are invited';
    await this.transport.sendMail({
      from: this.config.smtpFrom,
      to: msg.email,
      subject: `Join ${msg.workspaceName} on Ring Tonic`,
      text: `${who} to join ${msg.workspaceName} on Ring Tonic as ${msg.role}.\n\nAccept: ${msg.acceptUrl}\n\nThis link expires on ${msg.expiresAt.toUTCString()}.`,
    });
    this.logger.log(`Invitation emailed to ${msg.email} for "${msg.workspaceName}"`);
  }
}
