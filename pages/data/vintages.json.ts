import { emitJson } from "../../src/site/page-data.ts";
import { vintagesData } from "../../src/site/data/vintages-data.ts";

await emitJson((db) => vintagesData(db));
