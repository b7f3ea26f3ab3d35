// Company inputs may use `,`, `;` or tab; the parser is shared with the reference lists.
export {
  columnLetter,
  detectSeparator,
  parseCsvTable as parseCsv,
  type CsvRecord,
  type ParsedCsv,
} from "../../src/text/csv.ts";
