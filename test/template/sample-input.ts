import type { TemplateInput } from "../../src/generate/template/write-template.ts";

const yes = (question: string, minerals: string[], answer: string) =>
  minerals.map((mineral) => ({ question, mineral, answer }));

/** A complete, clean CMRT 6.x response for tungsten and tantalum (real CIDs from the 6.4/6.5 look-ups). */
export function cleanCmrt(overrides: Partial<TemplateInput> = {}): TemplateInput {
  const metals = ["Tantalum", "Tungsten"];
  return {
    company: {
      name: "Kestrel Components Ltd.",
      scope: "Company",
      uniqueId: "123456789",
      uniqueIdAuthority: "DUNS",
      address: "1 Harbour Road, Leeds",
      contactName: "Ana Silva",
      contactEmail: "ana.silva@kestrel.example.com",
      contactPhone: "+44 113 000 0000",
      authorizer: "Ben Okafor",
      authorizerTitle: "Director",
      authorizerEmail: "ben.okafor@kestrel.example.com",
      authorizerPhone: "+44 113 000 0001",
      effectiveDate: "2025-03-14",
    },
    answers: [
      ...yes("1", metals, "Yes"),
      ...yes("1", ["Tin", "Gold"], "No"),
      ...yes("2", metals, "Yes"),
      ...yes("3", metals, "No"),
      ...yes("4", metals, "No"),
      ...yes("5", metals, "No"),
      ...yes("6", metals, "100%"),
      ...yes("7", metals, "Yes"),
      ...yes("8", metals, "Yes"),
    ],
    companyAnswers: [
      { question: "A", answer: "Yes" },
      { question: "B", answer: "Yes", comment: "https://kestrel.example.com/policy" },
      { question: "C", answer: "Yes" },
      { question: "D", answer: "Yes" },
      { question: "E", answer: "Yes, in conformance with IPC1755 (e.g., CMRT)" },
      { question: "F", answer: "Yes" },
      { question: "G", answer: "Yes" },
      { question: "H", answer: "No" },
    ],
    smelters: [
      { metal: "Tantalum", lookupName: "Global Advanced Metals Aizu", cid: "CID002558" },
      { metal: "Tungsten", lookupName: "Wolfram Bergbau und Hutten AG", cid: "CID002044" },
    ],
    products: [],
    ...overrides,
  };
}
