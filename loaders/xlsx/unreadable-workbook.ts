/** A file that cannot be read as a workbook; `reason` is one line for the user. */
export class UnreadableWorkbook extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.name = "UnreadableWorkbook";
    this.reason = reason;
  }
}
