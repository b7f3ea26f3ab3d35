import { basename } from "node:path";
import type { Database } from "../../src/db/database.ts";
import { AssayError } from "../../src/errors.ts";
import { tradeMeasuresKind } from "./trade-measures.ts";
import { readHead, type ReferenceKind, type ReferenceLoadResult } from "./detect.ts";
import { RMI_KINDS } from "./rmi-kinds.ts";
import { SANCTIONS_REFERENCE_KINDS } from "./sanctions-kinds.ts";

/**
 * Every kind of reference file `assay reference add` and the build's `inputs.reference` understand, in detection
 * order (the first whose detector accepts a file wins). One static list: adding a kind means adding it here.
 */
export const REFERENCE_KINDS: readonly ReferenceKind[] = [
  ...RMI_KINDS,
  ...SANCTIONS_REFERENCE_KINDS,
  tradeMeasuresKind,
];

/** The first kind whose detector accepts the file (list order decides ties). */
export function detectReferenceKind(path: string, head = readHead(path)): ReferenceKind | null {
  const name = basename(path);
  return REFERENCE_KINDS.find((k) => k.detect(name, head)) ?? null;
}

/** Detects the file's kind (or takes the one named) and loads it; throws naming the file and the known kinds when none matches. */
export async function addReferenceFile(db: Database, path: string, kindName?: string): Promise<ReferenceLoadResult> {
  const kind = kindName ? REFERENCE_KINDS.find((k) => k.kind === kindName) : detectReferenceKind(path);
  if (!kind) {
    const known = REFERENCE_KINDS.map((k) => k.kind).join(", ");
    throw new AssayError(
      kindName
        ? `${path}: unknown reference kind: ${kindName} (expected one of ${known})`
        : `${path}: not a reference file Assay recognises (expected one of ${known})`,
      { code: "reference-kind", exitCode: 2 },
    );
  }
  return kind.load(db, path);
}
