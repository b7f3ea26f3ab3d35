import { draftPage } from "../../src/site/data/draft-page.ts";
import { emitMarkdown } from "../../src/site/page-data.ts";

await emitMarkdown((db) => draftPage(db, "eu-2017-821-article-7-report"));
