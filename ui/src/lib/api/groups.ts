/**
 * Typed wrappers of the group and registration commands: the groups list
 * and one group (with its registrations and waits), the live check of a
 * group as entered, saving and removing it; registering a group on a tour
 * (with a preview first), cancelling, releasing seats, moving and
 * reordering a waiting list, a registration's history, a tour's roster and
 * waiting for any tour between two dates. Like every wrapper, each resolves
 * with the command's value or rejects with an ApiError.
 */
import { invoke, type InvokeArgs } from "@tauri-apps/api/core";
import type { DateWaitRow } from "./bindings/DateWaitRow";
import type { GroupCheck } from "./bindings/GroupCheck";
import type { GroupDetail } from "./bindings/GroupDetail";
import type { GroupFilter } from "./bindings/GroupFilter";
import type { GroupInput } from "./bindings/GroupInput";
import type { GroupRow } from "./bindings/GroupRow";
import type { GroupSaved } from "./bindings/GroupSaved";
import type { RegistrationEvent } from "./bindings/RegistrationEvent";
import type { RegistrationOutcome } from "./bindings/RegistrationOutcome";
import type { RegistrationPreview } from "./bindings/RegistrationPreview";
import type { Roster } from "./bindings/Roster";
import type { WaitOutcome } from "./bindings/WaitOutcome";
import { toApiError } from "./index";

export type { DateWait } from "./bindings/DateWait";
export type { DateWaitRow } from "./bindings/DateWaitRow";
export type { Duplicate } from "./bindings/Duplicate";
export type { Group } from "./bindings/Group";
export type { GroupChannel } from "./bindings/GroupChannel";
export type { GroupCheck } from "./bindings/GroupCheck";
export type { GroupDetail } from "./bindings/GroupDetail";
export type { GroupFilter } from "./bindings/GroupFilter";
export type { GroupInput } from "./bindings/GroupInput";
export type { GroupKind } from "./bindings/GroupKind";
export type { GroupRegistration } from "./bindings/GroupRegistration";
export type { GroupRow } from "./bindings/GroupRow";
export type { GroupSaved } from "./bindings/GroupSaved";
export type { Ineligible } from "./bindings/Ineligible";
export type { LatestRegistration } from "./bindings/LatestRegistration";
export type { Member } from "./bindings/Member";
export type { MemberInput } from "./bindings/MemberInput";
export type { Promoted } from "./bindings/Promoted";
export type { Registration } from "./bindings/Registration";
export type { RegistrationEvent } from "./bindings/RegistrationEvent";
export type { RegistrationOutcome } from "./bindings/RegistrationOutcome";
export type { RegistrationPreview } from "./bindings/RegistrationPreview";
export type { RegistrationState } from "./bindings/RegistrationState";
export type { Roster } from "./bindings/Roster";
export type { RosterLine } from "./bindings/RosterLine";
export type { RowProblem } from "./bindings/RowProblem";
export type { TourSeats } from "./bindings/TourSeats";
export type { WaitOutcome } from "./bindings/WaitOutcome";
export type { WaitState } from "./bindings/WaitState";

async function groupCall<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toApiError(error);
  }
}

/** Groups matching the search box (names, national IDs, mobiles, any letters or digits) and filters, newest first. */
export function listGroups(filter: GroupFilter): Promise<GroupRow[]> {
  return groupCall<GroupRow[]>("groups_list", { filter });
}

/** One group with its registrations (tour date, departure, waiting position) and its waits for dates. */
export function getGroup(id: number): Promise<GroupDetail> {
  return groupCall<GroupDetail>("group_get", { id });
}

/** Every problem, warning and duplicate of a group as entered; nothing is saved. `editing` is the group being edited. */
export function checkGroup(input: GroupInput, editing: number | null): Promise<GroupCheck> {
  return groupCall<GroupCheck>("group_check", { input, editing });
}

/** Saves a new group with its members; refused (with the first problem) when the check does not allow it. */
export function createGroup(input: GroupInput): Promise<GroupSaved> {
  return groupCall<GroupSaved>("group_create", { input });
}

/** Replaces a group's details and members (a member row with `id` keeps that member). */
export function updateGroup(id: number, input: GroupInput): Promise<GroupSaved> {
  return groupCall<GroupSaved>("group_update", { id, input });
}

/** Removes a group entered by mistake; `conflict` once it has registrations or waits. */
export async function removeGroup(id: number): Promise<void> {
  await groupCall<null>("group_remove", { id });
}

/** What registering the group on the tour would do: seats left, waiting position, members failing the tour's rules. */
export function previewRegistration(group: number, tour: number): Promise<RegistrationPreview> {
  return groupCall<RegistrationPreview>("registration_preview", { group, tour });
}

/** Confirms the group on the tour if it fits whole, else puts it on the waiting list; `reason` is needed when members fail the rules. */
export function registerGroup(group: number, tour: number, reason: string): Promise<RegistrationOutcome> {
  return groupCall<RegistrationOutcome>("registration_register", { group, tour, reason });
}

/** Cancels a registration; the outcome names the groups moved up from the waiting list. */
export function cancelRegistration(id: number, reason: string): Promise<RegistrationOutcome> {
  return groupCall<RegistrationOutcome>("registration_cancel", { id, reason });
}

/** Releases `seats` seats of a registration (fewer than it holds). */
export function releaseSeats(id: number, seats: number, reason: string): Promise<RegistrationOutcome> {
  return groupCall<RegistrationOutcome>("registration_release", { id, seats, reason });
}

/** Moves a registration to another tour: confirmed or waitlisted there. */
export function moveRegistration(id: number, tour: number, reason: string): Promise<RegistrationOutcome> {
  return groupCall<RegistrationOutcome>("registration_move", { id, tour, reason });
}

/** Puts a waiting registration right before `before` (null: last) in its tour's waiting list; resolves with the roster. */
export function reorderWaiting(id: number, before: number | null, reason: string): Promise<Roster> {
  return groupCall<Roster>("registration_reorder", { id, before, reason });
}

/** A registration's history, oldest first. */
export function registrationEvents(id: number): Promise<RegistrationEvent[]> {
  return groupCall<RegistrationEvent[]>("registration_events", { id });
}

/** A tour's seats and registrations: confirmed, then the waiting list in order, then cancelled. */
export function tourRoster(tour: number): Promise<Roster> {
  return groupCall<Roster>("tour_roster", { tour });
}

/** Places the group on the first open tour between `from` and `to` (Gregorian ISO) where it fits whole, else lets it wait. */
export function waitForDates(group: number, from: string, to: string, reason: string): Promise<WaitOutcome> {
  return groupCall<WaitOutcome>("date_wait_create", { group, from, to, reason });
}

/** Stops waiting for dates. */
export async function cancelDateWait(id: number, reason: string): Promise<void> {
  await groupCall<null>("date_wait_cancel", { id, reason });
}

/** Every group waiting for any tour on a range of dates, first come first. */
export function listDateWaits(): Promise<DateWaitRow[]> {
  return groupCall<DateWaitRow[]>("date_waits_list", {});
}
