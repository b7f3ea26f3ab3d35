import { AssayError } from "../errors.ts";
import type { OutreachEvent } from "./inputs.ts";
import type { OutreachConfig } from "./outreach-config.ts";

/** The outreach window of one reporting period; null bounds are open. */
export interface CampaignWindow {
  period: string;
  start: string | null;
  end: string | null;
  /** Deadline printed in requests, when configured for the whole campaign. */
  deadline: string | null;
}

function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * The campaign window for a period: `outreach.campaigns[period]` when configured, else derived from the label —
 * `2025` → the calendar year, `2025-Q2` → the quarter, `2025-H1` → the half, `2025-06` → the month. Other labels
 * are open-ended (every event counts).
 */
export function campaignWindow(period: string, config: OutreachConfig): CampaignWindow {
  const explicit = config.campaigns[period];
  if (explicit) {
    if (explicit.end < explicit.start) {
      throw new AssayError(
        `assay.config.json: outreach.campaigns.${period}: end ${explicit.end} is before start ${explicit.start}`,
        { code: "config", exitCode: 2 },
      );
    }
    return { period, start: explicit.start, end: explicit.end, deadline: explicit.deadline ?? null };
  }
  const range = (y: number, m0: number, m1: number): CampaignWindow => ({
    period,
    start: `${String(y).padStart(4, "0")}-${String(m0).padStart(2, "0")}-01`,
    end: lastDayOfMonth(y, m1),
    deadline: null,
  });
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(period))) return range(Number(m[1]), 1, 12);
  if ((m = /^(\d{4})-?Q([1-4])$/i.exec(period))) {
    const q = Number(m[2]);
    return range(Number(m[1]), q * 3 - 2, q * 3);
  }
  if ((m = /^(\d{4})-?H([12])$/i.exec(period))) {
    const h = Number(m[2]);
    return range(Number(m[1]), h * 6 - 5, h * 6);
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(period)) && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return range(Number(m[1]), Number(m[2]), Number(m[2]));
  return { period, start: null, end: null, deadline: null };
}

export function inWindow(date: string, window: CampaignWindow): boolean {
  if (window.start !== null && date < window.start) return false;
  if (window.end !== null && date > window.end) return false;
  return true;
}

/** Events of this campaign that happened on or before `asOf`: an explicit campaign label wins over the date. */
export function campaignEvents(
  events: readonly OutreachEvent[],
  window: CampaignWindow,
  asOf: string,
): OutreachEvent[] {
  return events.filter(
    (e) =>
      e.date <= asOf &&
      (e.campaign !== null && e.campaign !== "" ? e.campaign === window.period : inWindow(e.date, window)),
  );
}

/** The first day the campaign expects requests to go out: its start, or `asOf` for open windows. */
export function campaignStart(window: CampaignWindow, asOf: string): string {
  return window.start ?? asOf;
}
