import type { Migration } from "./migration.ts";

// What each stored answer means in its own template and version (src/rmi/questions.ts), written by the reader.
// Rows ingested before this column existed keep NULL; readers fall back to questionMeaning(template, version, question).
export const answerMeanings: Migration = {
  version: 15,
  name: "answer-meanings",
  up: [`ALTER TABLE answers ADD COLUMN meaning VARCHAR`, `ALTER TABLE company_answers ADD COLUMN meaning VARCHAR`],
};
