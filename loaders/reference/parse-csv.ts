// Reference lists are comma-separated; the parser is shared with the other CSV inputs.
export { columnLetter, parseCsvRecords as parseCsv, type CsvRecord } from "../../src/text/csv.ts";
