import { emitPacked } from "../../src/site/data/emit-packed.ts";
import { allFindings } from "../../src/site/data/quality-data.ts";

// Fetched only when the quality page's "all findings" download is clicked.
await emitPacked((db) => allFindings(db));
