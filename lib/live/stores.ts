import type { Attendee, Meeting } from "@/lib/domain/meeting";
import { wallTopicDataSchema, type MeetingSummary } from "@/lib/domain/wall";
import { wallMeetingDataSchema, type WallMeetingData } from "@/lib/domain/wall-meeting";
import { meetingsTopicDataSchema, meetingTopicDataSchema, type LiveMeeting, type Participant } from "@/lib/domain/participant";
import { TopicStore } from "./topic-store";

export interface MeetingFields {
  meeting: LiveMeeting;
  attendees: Attendee[];
  speakers: string[];
}

export function meetingStore() {
  return new TopicStore<Participant, MeetingFields>((data) => {
    const d = meetingTopicDataSchema.parse(data);
    return { rows: d.participants, fields: { meeting: d.meeting, attendees: d.attendees, speakers: d.speakers } };
  }, (p) => p.pid);
}

export function meetingsStore() {
  return new TopicStore<Meeting, object>((data) => ({ rows: meetingsTopicDataSchema.parse(data).items, fields: {} }), (m) => m.conferenceID);
}

export function wallStore() {
  return new TopicStore<MeetingSummary, object>((data) => ({ rows: wallTopicDataSchema.parse(data).items, fields: {} }), (m) => m.conferenceID);
}

export function wallMeetingStore() {
  return new TopicStore<Participant, Omit<WallMeetingData, "participants">>((data) => {
    const { participants, ...fields } = wallMeetingDataSchema.parse(data);
    return { rows: participants, fields };
  }, (p) => p.pid);
}
