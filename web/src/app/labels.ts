/** Words for the API's stable codes, in one place. */
import type { AssignmentRole, Influence, InteractionKind, RiskBand } from "../api/types";
import { humanise } from "./format";

export const FLAG_LABELS: Record<string, string> = {
  no_owner: "No owner",
  single_owner: "Single owner",
  key_person: "Key person",
  single_contact: "Single client contact",
  single_threaded: "Single-threaded",
  departing_holder: "Departing holder",
  champion_left: "Champion left",
  stale: "Stale",
  open_complaint: "Open complaint",
  policy_breach: "Coverage policy not met",
};

/** What each flag means, for tooltips and the dashboard legend (PRODUCT.md, flags table). */
export const FLAG_DESCRIPTIONS: Record<string, string> = {
  no_owner: "No open assignment to an active employee.",
  single_owner: "Exactly one active employee is assigned.",
  key_person: "One employee holds at least 70 % of the relationship strength.",
  single_contact: "Only one current client contact, or one contact holds at least 70 %.",
  single_threaded: "One employee–contact pair carries at least 90 % of the strength.",
  departing_holder: "A leaving employee is the only owner or holds at least half.",
  champion_left: "A contact holding at least half of the contact share has left the client.",
  stale: "No interaction for too long.",
  open_complaint: "A complaint is still open.",
  policy_breach: "The tier's coverage policy is not met.",
};

export function flagLabel(code: string): string {
  return FLAG_LABELS[code] ?? humanise(code);
}

export const ASSIGNMENT_ROLE_LABELS: Record<AssignmentRole, string> = {
  owner: "Owner",
  co_owner: "Co-owner",
  specialist: "Specialist",
  executive_sponsor: "Executive sponsor",
};

export const INFLUENCE_LABELS: Record<Influence, string> = {
  decision_maker: "Decision maker",
  champion: "Champion",
  influencer: "Influencer",
  user: "User",
  other: "Other",
};

export const KIND_LABELS: Record<InteractionKind, string> = {
  meeting: "Meeting",
  call: "Call",
  email: "Email",
  visit: "Visit",
  event: "Event",
  gift: "Gift",
  complaint: "Complaint",
  note: "Note",
};

export const BAND_LABELS: Record<RiskBand, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};
