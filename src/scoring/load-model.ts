import { existsSync, readFileSync } from "node:fs";
import { AssayError } from "../errors.ts";
import { DEFAULT_RISK_MODEL, RiskModel } from "./model.ts";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep-merges `override` onto `base`: objects merge key by key, anything else replaces. */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = deepMerge(base[key], value);
  return out;
}

/**
 * Applies a partial override (parsed JSON) to the default model and validates the result.
 * Errors name the source and the dotted key: `risk-model.json: smelter.status.active: …`.
 */
export function resolveRiskModel(override: unknown, source = "risk model"): RiskModel {
  if (override !== undefined && !isPlainObject(override)) {
    throw new AssayError(`${source}: expected a JSON object of overrides, got ${JSON.stringify(override)}`, {
      code: "config",
      exitCode: 2,
    });
  }
  const merged = deepMerge(DEFAULT_RISK_MODEL, override ?? {});
  const result = RiskModel.safeParse(merged);
  if (result.success) return result.data;
  const at = (path: readonly PropertyKey[], root: unknown) =>
    path.reduce<unknown>((v, k) => (isPlainObject(v) ? v[String(k)] : undefined), root);
  const lines = result.error.issues.flatMap((issue) => {
    const key = issue.path.length ? issue.path.join(".") : "(top level)";
    if (issue.code === "unrecognized_keys") {
      const allowed = Object.keys((at(issue.path, DEFAULT_RISK_MODEL) ?? {}) as object).join(", ");
      return issue.keys.map(
        (k) => `${source}: ${issue.path.length ? `${key}.` : ""}${k}: unknown key (expected one of ${allowed})`,
      );
    }
    const value = at(issue.path, merged);
    const shown = value === undefined || isPlainObject(value) ? "" : `: ${JSON.stringify(value)}`;
    return [`${source}: ${key}: ${issue.message}${shown}`];
  });
  throw new AssayError(lines.join("\n"), { code: "config", exitCode: 2 });
}

/**
 * Loads the model: `spec` is a path to a JSON override file, an inline override object, or undefined
 * for the default. An override that changes weights without changing `version` gets "+custom" appended,
 * so stored runs never claim the published version for different figures.
 */
export function loadRiskModel(spec: unknown): RiskModel {
  let override: unknown = spec;
  let source = "riskModel";
  if (typeof spec === "string") {
    if (!existsSync(spec)) throw new AssayError(`${spec}: risk model file not found`, { code: "config", exitCode: 2 });
    source = spec;
    try {
      override = JSON.parse(readFileSync(spec, "utf8"));
    } catch (error) {
      throw new AssayError(`${spec}: invalid JSON: ${(error as Error).message}`, { code: "config", exitCode: 2 });
    }
  }
  const model = resolveRiskModel(override, source);
  const changed = JSON.stringify(model) !== JSON.stringify(DEFAULT_RISK_MODEL);
  if (changed && model.version === DEFAULT_RISK_MODEL.version) return { ...model, version: `${model.version}+custom` };
  return model;
}
