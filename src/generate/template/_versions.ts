import { AssayError } from "../../errors.ts";

export type WritableFamily = "CMRT" | "EMRT";

export interface TemplateVersion {
  family: WritableFamily;
  version: string;
  /** ISO release date. */
  released: string;
  /** Last data row of the Smelter List. */
  smelterLastRow: number;
  /** Last data row of the Product List; the copyright footer sits in the row below. */
  productLastRow: number;
  /** Q6 "100%" is stored as the number 1 up to CMRT 6.22. */
  percentAsNumber: boolean;
  /** Product List B/C header wording. */
  productHeaders: readonly string[];
}

const CMRT_RELEASES: Record<string, string> = {
  "6.01": "2020-05-19",
  "6.1": "2021-04-28",
  "6.22": "2022-05-11",
  "6.31": "2023-05-26",
  "6.4": "2024-04-26",
  "6.5": "2025-04-25",
};
const EMRT_RELEASES: Record<string, string> = { "2.0": "2025-04-25", "2.1": "2025-10-17" };

export const WRITABLE_VERSIONS = {
  CMRT: Object.keys(CMRT_RELEASES),
  EMRT: Object.keys(EMRT_RELEASES),
} as const;

export function templateVersion(family: WritableFamily, version: string): TemplateVersion {
  if (family === "CMRT") {
    const released = CMRT_RELEASES[version];
    if (!released) throw unsupported(family, version);
    const n = Number(version);
    const manufacturer = n < 6.5 ? "Manufacturer's" : "Responder's";
    return {
      family,
      version,
      released,
      smelterLastRow: 2504,
      productLastRow: n <= 6.1 ? 1000 : 2005,
      percentAsNumber: n <= 6.22,
      productHeaders: [`${manufacturer} Product Number (*)`, `${manufacturer} Product Name`, "Comments"],
    };
  }
  const released = EMRT_RELEASES[version];
  if (!released) throw unsupported(family, version);
  return {
    family,
    version,
    released,
    smelterLastRow: version === "2.0" ? 2504 : 2497,
    productLastRow: 1000,
    percentAsNumber: false,
    productHeaders:
      version === "2.0"
        ? ["Responder's Product Number (*)", "Responder's Product Name", "Comments"]
        : [
            "Responder Product Number (*)",
            "Responder Product Name",
            "Requester Product Number",
            "Requester Product Name",
            "Comments",
          ],
  };
}

function unsupported(family: string, version: string): AssayError {
  const known = family === "CMRT" ? WRITABLE_VERSIONS.CMRT : WRITABLE_VERSIONS.EMRT;
  return new AssayError(
    `writeTemplate: unsupported ${family} version: ${version} (expected one of ${known.join(", ")})`,
    {
      code: "usage",
    },
  );
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "Revision 6.5\r\nApril 25, 2025" as in Declaration!J3. */
export function revisionString(t: TemplateVersion, word = "Revision"): string {
  const [y, m, d] = t.released.split("-").map(Number) as [number, number, number];
  return `${word} ${t.version}\r\n${MONTHS[m - 1]} ${d}, ${y}`;
}

/** The tail of RMI's revision history per family: [revision, release date, description]. */
export function revisionHistory(t: TemplateVersion): Array<[string | number, string, string]> {
  const cmrt: Array<[string | number, string, string]> = [
    [5, "2017-05-12", "Conformance to IPC-1755 in the wording of questions."],
    [5.01, "2017-06-21", "Corrections to checker tab errors."],
    [5.1, "2017-12-01", "First .xlsx release; ISO short names for countries."],
    [5.11, "2018-04-27", "Corrections; smelter list updates."],
    [5.12, "2019-04-26", "Corrections; smelter list updates."],
    [6, "2020-05-13", "Added question 4 (conflict-affected and high-risk areas) and question H."],
    [6.01, "2020-05-19", "Minor revisions to the Product List tab."],
    [6.1, "2021-04-28", "Corrections; smelter reference list updates; translations."],
    [6.2, "2022-04-27", "Corrections; smelter reference list updates; translations."],
    [6.21, "2022-05-06", "Minor revisions to the Smelter List tab."],
    [6.22, "2022-05-11", "Minor revisions to the Product List tab."],
    [6.3, "2023-05-05", "Corrections; instruction tips; dependent answer lists."],
    [6.31, "2023-05-26", "Minor revisions to the Declaration, Smelter List and Smelter Look-up tabs."],
    [6.4, "2024-04-26", "Smelter List highlighting tied to questions 1 and 2."],
    [6.5, "2025-04-25", "Smelter reference list updates."],
  ];
  const emrt: Array<[string | number, string, string]> = [
    [1, "2021-10-20", "Extended Mineral Reporting Template replaces the Cobalt Reporting Template."],
    [1.01, "2021-11-23", "Minor revisions."],
    [1.1, "2022-10-14", "Corrections; mica added."],
    [1.11, "2022-11-04", "Minor revisions."],
    [1.2, "2023-05-12", "Corrections; smelter reference list updates."],
    [1.3, "2024-04-26", "Smelter List highlighting updates."],
    ["2.0", "2025-04-25", "Added copper, graphite, lithium and nickel; added Mine List tab."],
    ["2.1", "2025-10-17", "Corrections; notice on minerals in scope; Product List requester columns."],
  ];
  const list = t.family === "CMRT" ? cmrt : emrt;
  const last = list.findIndex(([rev]) => String(rev) === t.version);
  return list.slice(0, last + 1);
}

export function copyright(t: TemplateVersion): string {
  return `© ${t.released.slice(0, 4)} Responsible Minerals Initiative. All rights reserved.`;
}
