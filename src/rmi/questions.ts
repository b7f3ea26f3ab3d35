/** Where each template family asks what scoring reads (DOMAIN A §3.3–3.4, §4.1–4.5). */
export interface TemplateQuestions {
  /** In scope when Q`intentional` is Yes and Q`remains` (if any) is not No. */
  intentional: string;
  remains: string | null;
  surveyCoverage: string;
  /** Questions whose No means the smelter list is incomplete. */
  completeness: string[];
  /** Company questions a strong programme answers Yes to (Allegion test, SC1). */
  programmeTest: string[];
}

const CMRT: TemplateQuestions = { intentional: "1", remains: "2", surveyCoverage: "6", completeness: ["7", "8"], programmeTest: ["A", "E", "G", "H"] };
const EMRT: TemplateQuestions = { intentional: "1", remains: null, surveyCoverage: "5", completeness: ["6", "7"], programmeTest: ["A", "E", "G"] };
// CRT's company questions A–I follow OECD Annex II wording, so the A/E/G/H test does not carry over.
const CRT: TemplateQuestions = { intentional: "1", remains: null, surveyCoverage: "4", completeness: ["5", "6"], programmeTest: [] };
const AMRT: TemplateQuestions = { intentional: "1", remains: null, surveyCoverage: "2", completeness: [], programmeTest: [] };

export function templateQuestions(template: string | null): TemplateQuestions {
  switch ((template ?? "").toUpperCase()) {
    case "EMRT":
      return EMRT;
    case "CRT":
      return CRT;
    case "AMRT":
      return AMRT;
    default:
      return CMRT;
  }
}

/** "Q6", "q 6", "6" → "6"; "A." → "A". */
export function questionKey(q: string): string {
  return q.trim().replace(/^q\s*/i, "").replace(/[.)]$/, "").toUpperCase();
}
