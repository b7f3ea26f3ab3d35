import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EngagementResult } from "./compute-engagement.ts";
import { buildDraft, draftKindFor, type Draft, type DraftContext, type DraftKind } from "./email/draft.ts";
import { formatEml, validAddress } from "./email/eml.ts";
import { formatMailMergeCsv } from "./email/mail-merge-csv.ts";
import { safeFileStem } from "./email/safe-filename.ts";
import type { Supplier } from "./inputs.ts";

export type DraftSelection = "next" | "all" | DraftKind;

export interface WrittenDraft {
  supplierId: string;
  kind: DraftKind;
  file: string;
  /** Why the draft has no To: header, when it has none. */
  warning: string | null;
}

export interface OutreachSummary {
  drafts: WrittenDraft[];
  csvFile: string;
}

export const MAIL_MERGE_COLUMNS = [
  "supplier_id",
  "supplier_name",
  "kind",
  "status",
  "to_name",
  "to_email",
  "subject",
  "templates",
  "deadline",
  "contact_name",
  "contact_email",
  "guidance",
  "findings",
  "eml_file",
  "body",
] as const;

/** The kinds to draft for one supplier: its next action's, every stage's (`all`), or one named kind. */
function kindsFor(e: EngagementResult["engagements"][number], selection: DraftSelection): DraftKind[] {
  if (!e.inScope || e.usable) return [];
  if (selection === "next") {
    const k = draftKindFor(e);
    return k ? [k] : [];
  }
  const clarify = e.declaration !== null && e.errorCount > 0;
  if (selection === "all")
    return clarify ? ["clarification", "reminder", "escalation"] : ["request", "reminder", "escalation"];
  if (selection === "clarification") return clarify ? ["clarification"] : [];
  return [selection];
}

/**
 * Writes one .eml draft per supplier and kind into `outDir` (file names from the supplier id, made safe) and a
 * mail-merge CSV `outreach-<period>.csv` with the same content, every cell formula-safe.
 */
export function writeOutreach(
  result: EngagementResult,
  suppliers: readonly Supplier[],
  ctx: Omit<DraftContext, "window" | "asOf">,
  outDir: string,
  selection: DraftSelection = "next",
): OutreachSummary {
  mkdirSync(outDir, { recursive: true });
  const bySupplier = new Map(suppliers.map((s) => [s.supplierId, s] as const));
  const dctx: DraftContext = { ...ctx, window: result.window, asOf: result.asOf };
  const fromAddress = validAddress(ctx.outreach.fromEmail ?? ctx.company.contactEmail ?? null);
  const fromName = ctx.outreach.fromName ?? ctx.company.contactName ?? ctx.company.name;
  const domain = fromAddress?.split("@")[1] ?? "assay.invalid";
  const drafts: WrittenDraft[] = [];
  const rows: Record<string, string | null>[] = [];
  for (const e of result.engagements) {
    const supplier = bySupplier.get(e.supplierId);
    if (!supplier) continue;
    for (const kind of kindsFor(e, selection)) {
      const draft: Draft = buildDraft(e, supplier, kind, dctx);
      const file = `${safeFileStem(e.supplierId)}-${kind}.eml`;
      const to = validAddress(draft.toEmail);
      const warning = to
        ? null
        : draft.toEmail
          ? `invalid contact e-mail ${JSON.stringify(draft.toEmail)}: the draft has no To: header`
          : "no contact e-mail in the supplier master: the draft has no To: header";
      const hash = createHash("sha256")
        .update(`${result.period}|${e.supplierId}|${kind}|${result.asOf}`)
        .digest("hex")
        .slice(0, 16);
      const eml = formatEml({
        from: fromAddress ? { name: fromName, address: fromAddress } : null,
        to: to ? { name: draft.toName, address: to } : null,
        replyTo: ctx.outreach.replyTo ? { name: null, address: ctx.outreach.replyTo } : null,
        subject: draft.subject,
        date: result.asOf,
        messageId: `assay.${kind}.${hash}@${domain}`,
        body: draft.body,
        headers: { "X-Assay-Supplier-Id": e.supplierId, "X-Assay-Campaign": result.period, "X-Assay-Kind": kind },
      });
      writeFileSync(join(outDir, file), eml, "utf8");
      drafts.push({ supplierId: e.supplierId, kind, file, warning });
      rows.push({
        supplier_id: e.supplierId,
        supplier_name: e.supplierName,
        kind,
        status: e.status,
        to_name: draft.toName,
        to_email: to,
        subject: draft.subject,
        templates: draft.templates.join("; "),
        deadline: draft.deadline,
        contact_name: fromName,
        contact_email: fromAddress,
        guidance: ctx.outreach.guidance.map((g) => g.url).join(" "),
        findings: draft.findings.join("\n"),
        eml_file: file,
        body: draft.body,
      });
    }
  }
  const csvFile = `outreach-${safeFileStem(result.period)}.csv`;
  writeFileSync(join(outDir, csvFile), formatMailMergeCsv(MAIL_MERGE_COLUMNS, rows), "utf8");
  return { drafts, csvFile };
}
