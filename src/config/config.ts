import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { z } from "zod";
import { OutreachConfig } from "../engagement/outreach-config.ts";
import { ScopeConfig } from "../engagement/scope-config.ts";
import { DeclarationConfig, RollupCompany } from "../exports/rollup-input.ts";
import { AssayError } from "../errors.ts";

const paths = z.array(z.string().min(1));

export const AssayConfig = z
  .object({
    $schema: z.string().optional(),
    /** The company's own identity, written on its roll-up declaration and reports. */
    company: RollupCompany.strict().default({ name: "Your company" }),
    /** Reporting period label, e.g. "2025"; defaults to the as-of year. */
    period: z
      .string()
      .regex(/^[\w.-]+$/, "letters, digits, '.', '_' or '-'")
      .optional(),
    /** As-of date for freshness checks (YYYY-MM-DD); defaults to today. */
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD")
      .optional(),
    inputs: z
      .object({
        /** Folders (searched recursively) or files of supplier workbooks. */
        inbox: paths.default([]),
        supplierMaster: z.string().min(1).optional(),
        boms: paths.default([]),
        outreachLog: z.string().min(1).optional(),
        /** Extra reference files (RMI templates, status lists, sanctions lists) loaded after the shipped ones. */
        reference: paths.default([]),
        /** Analyst decisions (CSV: action, subject, metal, value, who, when, why, expires), applied by every stage. */
        decisions: paths.default([]),
        /** Smelters of interest: analyst-maintained evidence (CSV: facility, metal, flag, source, date, note), read by scoring. */
        smeltersOfInterest: paths.default([]),
      })
      .strict()
      .default({ inbox: [], boms: [], reference: [], decisions: [], smeltersOfInterest: [] }),
    outputs: z
      .object({
        site: z.string().min(1).default("dist"),
        exports: z.string().min(1).default("out"),
      })
      .strict()
      .default({ site: "dist", exports: "out" }),
    /** Scope rules, risk-model overrides and outreach settings are validated by their own modules. */
    scope: ScopeConfig.optional(),
    riskModel: z.unknown().optional(),
    outreach: OutreachConfig.optional(),
    /** The company's own answers to the template's company questions (A–H), for the roll-up declaration. */
    declaration: DeclarationConfig.optional(),
  })
  .strict();
export type AssayConfig = z.infer<typeof AssayConfig>;

export interface LoadedConfig {
  /** The file it came from, or null for defaults. */
  path: string | null;
  /** Folder that relative paths in the file are resolved against. */
  baseDir: string;
  config: AssayConfig;
  /** Resolves a path from the config against baseDir. */
  resolve(p: string): string;
}

function formatIssues(file: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const key = issue.path.length ? issue.path.join(".") : "(top level)";
      return `${file}: ${key}: ${issue.message}`;
    })
    .join("\n");
}

/** Parses and validates configuration text; errors name the file and the bad key. */
export function parseConfig(text: string, file: string): AssayConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AssayError(`${file}: invalid JSON: ${(error as Error).message}`, { code: "config", exitCode: 2 });
  }
  const result = AssayConfig.safeParse(json);
  if (!result.success) throw new AssayError(formatIssues(file, result.error), { code: "config", exitCode: 2 });
  return result.data;
}

/** Loads the configuration file; when it does not exist and is the default name, returns defaults. */
export function loadConfig(path = "assay.config.json", options: { required?: boolean } = {}): LoadedConfig {
  const file = resolve(path);
  let config: AssayConfig;
  if (existsSync(file)) {
    config = parseConfig(readFileSync(file, "utf8"), path);
  } else if (options.required) {
    throw new AssayError(`${path}: configuration file not found`, { code: "config", exitCode: 2 });
  } else {
    config = AssayConfig.parse({});
  }
  const baseDir = existsSync(file) ? dirname(file) : process.cwd();
  return {
    path: existsSync(file) ? file : null,
    baseDir,
    config,
    resolve: (p) => (isAbsolute(p) ? p : resolve(baseDir, p)),
  };
}
