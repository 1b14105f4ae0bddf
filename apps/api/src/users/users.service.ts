import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { UserView } from '@ringtonic/contracts';
import argon2 from 'argon2';
import { In, Repository } from 'typeorm';
import { UserEntity } from './entities/user.entity.js';

export const toUserView = (u: UserEntity): UserView => ({ id: u.id, email: u.email, name: u.name });

// OWASP's argon2id baseline (19 MiB, 2 passes).
const HASH_OPTIONS = { type: argon2.argon2id as 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class UsersService {
  // Verifying against a dummy hash keeps "unknown email" as slow as "wrong password".
  private dummyHash: Promise<string> | null = null;

  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { email: email.trim() } });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id } });
  }

  findByIds(ids: string[]): Promise<UserEntity[]> {
    return ids.length ? this.users.find({ where: { id: In(ids) } }) : Promise.resolve([]);
  }

  async create(input: { email: string; name: string; password: string }): Promise<UserEntity> {
    const passwordHash = await argon2.hash(input.password, HASH_OPTIONS);
    return this.users.save(this.users.create({ email: input.email.trim(), name: input.name.trim(), passwordHash }));
  }

  async verifyPassword(user: UserEntity | null, password: string): Promise<boolean> {
    if (!user) {
      this.dummyHash ??= argon2.hash('not-a-real-password', HASH_OPTIONS);
      await argon2.verify(await this.dummyHash, password);
      return false;
    }
    return argon2.verify(user.passwordHash, password);
  }
}
