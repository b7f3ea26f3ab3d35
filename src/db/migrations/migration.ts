/** A versioned schema change: statements run once, in version order, inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  up: readonly string[];
}
