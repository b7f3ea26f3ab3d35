import { existsSync } from "node:fs";
import { loadRiskModel } from "../scoring/load-model.ts";
import type { RiskModel } from "../scoring/model.ts";
import type { LoadedConfig } from "./config.ts";

/** Model source: an explicit file, then the config's riskModel (path or inline object), then ./risk-model.json, else the default. */
export function riskModelFor(config: LoadedConfig, file?: string): RiskModel {
  if (file) return loadRiskModel(file);
  const fromConfig = config.config.riskModel;
  if (typeof fromConfig === "string") return loadRiskModel(config.resolve(fromConfig));
  if (fromConfig !== undefined) return loadRiskModel(fromConfig);
  return loadRiskModel(existsSync("risk-model.json") ? "risk-model.json" : undefined);
}
