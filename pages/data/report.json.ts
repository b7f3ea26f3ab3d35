import { emitJson, siteSettings } from "../../src/site/page-data.ts";
import { reportData } from "../../src/site/data/report-data.ts";

const { config, asOf } = siteSettings();
await emitJson((db) => reportData(db, { company: config.config.company.name, asOf }));
