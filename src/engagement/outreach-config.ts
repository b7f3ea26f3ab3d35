import { z } from "zod";
import { AssayError } from "../errors.ts";
import { IsoDate } from "./inputs.ts";

const days = z.number().int().min(0).max(366);

export const Intervals = z
  .object({
    /** Days a supplier has to answer the first request; the reminder is due after this. */
    request: days.default(30),
    /** Days after a reminder (second request) before escalating. */
    reminder: days.default(14),
    /** Days after an escalation before the next escalation or corrective action. */
    escalation: days.default(14),
    /** Days after a "responded without data" reply before following up. */
    noDataFollowUp: days.default(14),
    /** Days to send a clarification request after a declaration with errors arrives. */
    clarification: days.default(7),
    /** Days after a usable declaration's effective date before asking for the yearly update. */
    refresh: days.default(365),
  })
  .strict();
export type Intervals = z.infer<typeof Intervals>;

export const Campaign = z
  .object({
    start: IsoDate,
    end: IsoDate,
    /** Deadline printed in requests; default: request date + intervals.request. */
    deadline: IsoDate.optional(),
  })
  .strict();
export type Campaign = z.infer<typeof Campaign>;

export const GuidanceLink = z.object({ title: z.string().min(1), url: z.string().url() }).strict();
export type GuidanceLink = z.infer<typeof GuidanceLink>;

export const DEFAULT_GUIDANCE: GuidanceLink[] = [
  {
    title: "RMI Conflict Minerals Reporting Template (CMRT) and guidance",
    url: "https://www.responsiblemineralsinitiative.org/reporting-templates/cmrt/",
  },
  {
    title: "RMI Extended Minerals Reporting Template (EMRT) and guidance",
    url: "https://www.responsiblemineralsinitiative.org/reporting-templates/emrt/",
  },
  {
    title: "RMI reporting templates training and FAQs",
    url: "https://www.responsiblemineralsinitiative.org/reporting-templates/",
  },
  {
    title: "OECD Due Diligence Guidance for Responsible Supply Chains of Minerals",
    url: "https://www.oecd.org/en/publications/oecd-due-diligence-guidance-for-responsible-supply-chains-of-minerals-from-conflict-affected-and-high-risk-areas_9789264252479-en.html",
  },
];

/** The template versions current when this was written (CMRT 6.5 and EMRT 2.1, April 2025); override per company. */
export const DEFAULT_TEMPLATE_VERSIONS = { CMRT: "6.5", EMRT: "2.1", CRT: "2.21", AMRT: "1.3" };

export const OutreachConfig = z
  .object({
    intervals: Intervals.default(Intervals.parse({})),
    /** Delinquent: this many delivered requests, to at least `contacts` different contacts, without a usable answer. */
    delinquent: z
      .object({ requests: z.number().int().min(1).default(3), contacts: z.number().int().min(1).default(2) })
      .strict()
      .default({ requests: 3, contacts: 2 }),
    /** Campaign windows by reporting period; default for a 4-digit period Y: Y-01-01 … Y-12-31. */
    campaigns: z.record(z.string(), Campaign).default({}),
    /** Template versions requested, by family. */
    templateVersions: z
      .partialRecord(z.enum(["CMRT", "EMRT", "CRT", "AMRT"]), z.string().min(1))
      .default({})
      .transform((v) => ({ ...DEFAULT_TEMPLATE_VERSIONS, ...v })),
    guidance: z.array(GuidanceLink).default(DEFAULT_GUIDANCE),
    /** Sender for drafts; defaults to the company block's contact. */
    fromName: z.string().min(1).optional(),
    fromEmail: z.string().min(3).optional(),
    /** Included in every e-mail's signature and Reply-To when set. */
    replyTo: z.string().min(3).optional(),
  })
  .strict();
export type OutreachConfig = z.infer<typeof OutreachConfig>;
export type OutreachConfigInput = z.input<typeof OutreachConfig>;

/** Validates the `outreach` key of assay.config.json; errors name the key path. */
export function parseOutreachConfig(value: unknown, file = "assay.config.json"): OutreachConfig {
  const result = OutreachConfig.safeParse(value ?? {});
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (i) => `${file}: outreach${i.path.length ? "." + i.path.join(".") : ""}: ${i.message}`,
  );
  throw new AssayError(lines.join("\n"), { code: "config", exitCode: 2 });
}
