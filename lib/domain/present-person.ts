import { z } from "zod";
import { participantSchema } from "./participant";

/**
 * Someone in a meeting going on now, as the people search finds them: from the live state where
 * the dashboard watches the meeting (with mute and hand), else from Huawei's online attendee list
 * (who is there and whether they host, nothing more).
 */
export const presentPersonSchema = z.object({
  conferenceID: z.string(),
  subject: z.string(),
  name: z.string(),
  number: z.string().nullable(),
  account: z.string().nullable(),
  role: participantSchema.shape.role,
  source: z.enum(["live", "attendee-list"]),
  muted: z.boolean().nullable(),
  handRaised: z.boolean().nullable(),
});
export type PresentPerson = z.infer<typeof presentPersonSchema>;

export const presentPeopleResponseSchema = z.object({
  q: z.string(),
  items: z.array(presentPersonSchema),
  /** Ongoing meetings the viewer may see, and how many of them were searched (the rest: too many to ask Huawei about at once, or it did not answer). */
  meetings: z.number().int(),
  searched: z.number().int(),
  fetchedAt: z.iso.datetime(),
});
export type PresentPeopleResponse = z.infer<typeof presentPeopleResponseSchema>;
