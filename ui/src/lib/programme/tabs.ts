/** The Programme page's tabs and the address of each: `#/programme`, `#/programme/holidays`, `#/programme/calendar`. */
import type { MessageKey } from "../i18n/catalogues";

export const PROGRAMME_TABS = ["editor", "holidays", "calendar"] as const;

export type ProgrammeTab = (typeof PROGRAMME_TABS)[number];

export const TAB_LABELS: Readonly<Record<ProgrammeTab, MessageKey>> = {
  editor: "programme.tabEditor",
  holidays: "programme.tabHolidays",
  calendar: "programme.tabCalendar",
};

/** The tab an address names; the editor for `#/programme` and anything unknown. */
export function tabFromHash(hash: string): ProgrammeTab {
  const [page, sub] = hash.replace(/^#\/?/, "").split(/[/?]/);
  if (page !== "programme") return "editor";
  return (PROGRAMME_TABS as readonly string[]).includes(sub ?? "") ? (sub as ProgrammeTab) : "editor";
}

export function hashOfTab(tab: ProgrammeTab): string {
  return tab === "editor" ? "#/programme" : `#/programme/${tab}`;
}
