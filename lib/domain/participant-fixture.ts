import type { Participant } from "./participant";

/** A participant for tests: present, unmuted, nothing raised or shared, with what the test sets. */
export function participant(p: Partial<Participant> & { pid: string }): Participant {
  return {
    name: p.pid,
    role: "participant",
    state: "in-meeting",
    muted: false,
    handRaised: false,
    camera: null,
    videoSite: true,
    sharing: false,
    joinedAt: null,
    handRaisedAt: null,
    handRaisedBefore: false,
    device: null,
    account: null,
    userUUID: null,
    number: null,
    quality: null,
    ...p,
  };
}
