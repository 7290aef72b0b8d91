import { z } from 'zod';
import {
  AddendumSchema,
  PublishedRecordSchema,
  type Addendum,
  type Locale,
  type PublishedRecord,
} from '@mesa/shared';
import { getJson, sendJson } from './api';

const meetingPath = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

/** Query keys of the published record. */
export const meetingRecordKeys = {
  record: (meetingId: string) => ['meetingRecord', meetingId] as const,
};

/** A meeting's published record with its addenda (409 while it is not published). */
export function fetchMeetingRecord(
  meetingId: string,
  signal?: AbortSignal,
): Promise<PublishedRecord> {
  return getJson(`${meetingPath(meetingId)}/record`, PublishedRecordSchema, signal);
}

const PublishReplySchema = z.object({ record: PublishedRecordSchema });

/** Publishes the record (chair or admin, once ended): the minutes and records are frozen. */
export async function publishMeeting(meetingId: string): Promise<PublishedRecord> {
  return (
    await sendJson('POST', `${meetingPath(meetingId)}/publish`, undefined, PublishReplySchema)
  ).record;
}

const AddendumReplySchema = z.object({ addendum: AddendumSchema });

/** Adds a correction to a published record. */
export async function addMeetingAddendum(meetingId: string, body: string): Promise<Addendum> {
  return (
    await sendJson('POST', `${meetingPath(meetingId)}/addenda`, { body }, AddendumReplySchema)
  ).addendum;
}

/** Address of the record's Markdown (a download link), headings in `locale`. */
export function meetingRecordMarkdownUrl(meetingId: string, locale: Locale): string {
  return `${meetingPath(meetingId)}/record.md?lang=${locale}`;
}
