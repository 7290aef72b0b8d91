import { meetingRoom } from '@mesa/shared';
import { PLAN_FRAGMENT } from '@mesa/editor';
import { can, loadMeetingFacts, mayReadMeetingAll } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { registerDocumentThreads, type ResolvedSubject } from '../threads/index.js';
import { findMeetingRow } from './record.repository.js';

/**
 * Threads anchored in a meeting's minutes (`document` subjects named `minutes:<id>`): the
 * meeting's readers read them; its `commentMinutes` ability comments (member participants and
 * admins, while live or within the amendment window — never once published); the chair,
 * co-chairs, rapporteurs and admins moderate. Events go to the meeting's room (joined through
 * `can(read)`). Minutes exist from the moment the meeting goes live.
 */
export function registerMinutesThreads(): void {
  registerDocumentThreads('minutes', async (ctx: ServiceContext, name, meetingId) => {
    const meeting = await findMeetingRow(ctx.db, meetingId);
    if (!meeting || meeting.state === 'scheduled' || meeting.state === 'cancelled') return null;
    const resolved: ResolvedSubject = {
      subject: { kind: 'document', documentName: name },
      key: name,
      programId: null,
      room: meetingRoom(meetingId),
      document: { name, fragment: PLAN_FRAGMENT },
      async abilities(actor) {
        const facts = await loadMeetingFacts(ctx, actor, meetingId);
        if (!facts) return { read: false, comment: false, moderate: false, administer: false };
        const resource = { type: 'meeting' as const, meetingId, facts };
        const admin = actor.role === 'admin';
        const read = can(actor, 'read', resource);
        return {
          read,
          comment: can(actor, 'commentMinutes', resource),
          moderate: read && (admin || facts.isChair || facts.isCoChair || facts.isRapporteur),
          administer: admin,
        };
      },
      async readersAmong(people) {
        const verdicts = await mayReadMeetingAll(
          ctx,
          people.map((p) => ({
            userId: p.id,
            organizationId: p.organizationId,
            role: p.role,
            organizationKind: p.organizationKind,
          })),
          meetingId,
        );
        return people.filter((_, i) => verdicts[i]);
      },
    };
    return resolved;
  });
}
