// What the membership rules need from storage; packages/db implements it.
import type { Member, MembershipType } from './schema.js';

export interface MemberRepository {
  findById(id: string): Promise<Member | null>;
  findByCanonicalEmail(canonicalEmail: string): Promise<Member | null>;
  /** Members whose stored status may be out of date at `now` (active or grace with renewsAt <= now). */
  listNeedingLifecycleUpdate(now: Date): Promise<Member[]>;
  insert(member: Member): Promise<void>;
  update(member: Member): Promise<void>;
}

export interface MembershipTypeRepository {
  findById(id: string): Promise<MembershipType | null>;
  list(options?: { activeOnly?: boolean }): Promise<MembershipType[]>;
}
