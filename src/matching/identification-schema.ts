import { z } from "zod";

// The shape of an identification as \`assay match --json\` prints it and the match stage stores it (a contract:
// docs/matching.md). The matcher itself imports only the types, so \`assay match\` starts without loading zod.

export const MatchMethod = z.enum(["cid", "legacy-id", "alias", "fuzzy"]);
export type MatchMethod = z.infer<typeof MatchMethod>;
export const Decision = z.enum(["matched", "ambiguous", "unmatched"]);
export type Decision = z.infer<typeof Decision>;

export const Candidate = z.object({
  cid: z.string(),
  name: z.string(),
  metal: z.string(),
  country: z.string().nullable(),
  score: z.number(),
  method: MatchMethod,
  /** listed (in a current list), historical (only older vintages name it) or removed (by RMI). */
  status: z.enum(["listed", "historical", "removed"]).optional(),
  /** The newest loaded list naming the facility: list, file, vintage, and whether that load is current. */
  listedIn: z
    .object({ list: z.string(), file: z.string(), vintage: z.string().nullable(), current: z.boolean() })
    .nullable()
    .optional(),
  /** Status changes from the revision history, newest first (removed, added, renamed, relocated …, with successor CIDs). */
  changes: z
    .array(
      z.object({
        change: z.string(),
        date: z.string().nullable(),
        details: z.string().nullable(),
        name: z.string().nullable(),
        successors: z.array(z.string()),
      }),
    )
    .optional(),
});
export type Candidate = z.infer<typeof Candidate>;

/** Finding codes are documented in docs/matching.md. */
export const MatchFinding = z.object({
  severity: z.enum(["error", "warning", "info"]),
  code: z.string(),
  message: z.string(),
});
export type MatchFinding = z.infer<typeof MatchFinding>;
