export {
  generateCompany,
  GenerateOptions,
  type SyntheticCompany,
  type SyntheticSupplier,
  type Outcome,
} from "./generate-company.ts";
export { writeCompany, type InboxEntry, type WriteCompanyResult } from "./write-company.ts";
export { FEATURES, SANCTIONED_SMELTERS, type Feature } from "./declaration-builder.ts";
export { Rng } from "./rng.ts";
