import type { Meeting, MeetingAbilities, RoomState } from '@mesa/shared';

/** Abilities of a participant who may ask for the floor (tests). */
export function makeMeetingAbilities(overrides: Partial<MeetingAbilities> = {}): MeetingAbilities {
  return {
    read: true,
    edit: false,
    cancel: false,
    nameRoles: false,
    chairRoom: false,
    takeChair: false,
    requestFloor: true,
    editMinutes: false,
    record: false,
    commentMinutes: true,
    publish: false,
    addAddendum: false,
    denied: {},
    ...overrides,
  };
}

const chair = { id: 'u-chair', name: 'Marta Chair', organizationId: 'org-sgsica' };

/** A live meeting with a three-item agenda (tests). */
export function makeMeeting(overrides: Partial<Meeting> = {}): Meeting {
  const agenda = ['Opening', 'Budget', 'Closing'].map((title, position) => ({
    id: `item-${position + 1}`,
    position,
    title: { en: title, es: `${title} (es)` },
    kind: 'discussion' as const,
    presentingOrganizationId: null,
    programId: null,
    plannedMinutes: 10,
    reviewsActionItems: false,
  }));
  return {
    id: 'm-1',
    title: { en: 'Coordination', es: 'Coordinación' },
    programIds: [],
    startsAt: '2026-12-06T15:00:00.000Z',
    endsAt: '2026-12-06T16:00:00.000Z',
    location: null,
    callUrl: null,
    state: 'live',
    chair,
    coChairs: [],
    rapporteurs: [],
    organizations: [],
    agenda,
    agendaRevision: 1,
    amendmentDays: 5,
    amendmentEndsAt: null,
    oneSpeakerPerDelegation: false,
    speakerMinutes: null,
    minutesLocale: 'en',
    icsSequence: 0,
    createdBy: chair,
    createdAt: '2026-12-01T10:00:00.000Z',
    startedAt: '2026-12-06T15:00:00.000Z',
    endedAt: null,
    publishedAt: null,
    cancelledAt: null,
    abilities: makeMeetingAbilities(),
    ...overrides,
  };
}

/** A live room on its second item (tests). */
export function makeRoomState(overrides: Partial<RoomState> = {}): RoomState {
  return {
    meetingId: 'm-1',
    sequence: 5,
    state: 'live',
    chairId: 'u-chair',
    currentItem: {
      id: 'item-2',
      position: 1,
      of: 3,
      title: { en: 'Budget', es: 'Presupuesto' },
      kind: 'decision',
      plannedMinutes: 10,
    },
    itemStartedAt: '2026-12-06T15:10:00.000Z',
    speaker: null,
    speakerMinutes: null,
    queue: [],
    queueClosed: false,
    oneSpeakerPerDelegation: false,
    present: [{ userId: 'u-chair', name: 'Marta Chair', organizationId: 'org-sgsica' }],
    delegations: [
      {
        organizationId: 'org-sgsica',
        name: { en: 'SG-SICA', es: 'SG-SICA' },
        mark: null,
        present: 1,
      },
    ],
    serverNow: '2026-12-06T15:12:00.000Z',
    ...overrides,
  };
}
