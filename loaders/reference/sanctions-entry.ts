import { z } from "zod";

export const SanctionsList = z.enum(["OFAC SDN", "OFAC Consolidated", "UK Sanctions List", "EU Consolidated"]);
export type SanctionsList = z.infer<typeof SanctionsList>;

export const EntryType = z.enum(["entity", "individual", "vessel", "aircraft", "other"]);
export type EntryType = z.infer<typeof EntryType>;

export const SanctionsName = z.object({
  name: z.string().min(1),
  /** "primary", "aka", "fka", "nka" (OFAC), "alias" (UK/EU). Weak aliases are kept but flagged. */
  nameType: z.string(),
});
export type SanctionsName = z.infer<typeof SanctionsName>;

/** One designated party as every list loader returns it. */
export const SanctionsEntry = z.object({
  list: SanctionsList,
  id: z.string().min(1),
  name: z.string().min(1),
  type: EntryType,
  programs: z.array(z.string()),
  /** ISO alpha-2 codes from addresses (or, for lists without addresses, the regime country). */
  countries: z.array(z.string().length(2)),
  /** True when `countries` comes from the address, false when only inferred from the regime. */
  countriesFromAddress: z.boolean(),
  aliases: z.array(SanctionsName),
  remarks: z.string().nullable(),
  designated: z.string().nullable(),
});
export type SanctionsEntry = z.infer<typeof SanctionsEntry>;

/** What a list parser returns: entries plus issues naming file and line. */
export interface ParsedList {
  list: SanctionsList;
  entries: SanctionsEntry[];
  issues: string[];
  /** ISO date found inside the file (EU fileGenerationDate, UK "Report Date"), if any. */
  vintage: string | null;
}
