/** An expected problem the user can fix: printed without a stack trace. */
export class AssayError extends Error {
  readonly code: string;
  readonly exitCode: number;
  constructor(message: string, options: { code?: string; exitCode?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "AssayError";
    this.code = options.code ?? "error";
    this.exitCode = options.exitCode ?? 1;
  }
}

export interface Location {
  file?: string;
  sheet?: string;
  cell?: string;
  line?: number;
  column?: string;
}

/** Formats `<file> › <sheet>!<cell>: message` (or `<file>:<line> column <col>`). */
export function formatLocation(loc: Location): string {
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.sheet) parts.push(loc.cell ? `${loc.sheet}!${loc.cell}` : loc.sheet);
  let out = parts.join(" › ");
  if (loc.line !== undefined) out += `:${loc.line}`;
  if (loc.column) out += ` column ${loc.column}`;
  return out;
}

/** A problem in one input file (workbook, CSV), named by file, sheet, cell or line. */
export class IngestError extends AssayError {
  readonly location: Location;
  constructor(message: string, location: Location, code = "ingest") {
    const where = formatLocation(location);
    super(where ? `${where}: ${message}` : message, { code, exitCode: 2 });
    this.name = "IngestError";
    this.location = location;
  }
}
