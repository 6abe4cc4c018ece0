// citeproc-js side of `cargo bench -p biblio --bench cite`: the same 10,000 CSL-JSON
// items, one bibliography of all of them and 10,000 single-entry citations, in one style.
//
// usage: node bench.js ITEMS.json STYLE.csl LOCALE_DIR
// prints JSON: { engine_ms, bibliography_ms, citations_ms, entries, first_entry, first_citation }
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const [itemsPath, stylePath, localeDir] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(itemsPath, "utf8"));
const byId = new Map(items.map((i) => [i.id, i]));
const sys = {
  retrieveLocale: (lang) => {
    const file = path.join(localeDir, `locales-${lang}.xml`);
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
  },
  retrieveItem: (id) => byId.get(id),
};
const style = fs.readFileSync(stylePath, "utf8");

let t = process.hrtime.bigint();
const engine = new CSL.Engine(sys, style, "en-US");
engine.setOutputFormat("text");
const engineMs = Number(process.hrtime.bigint() - t) / 1e6;

t = process.hrtime.bigint();
engine.updateItems(items.map((i) => i.id));
const bib = engine.makeBibliography();
const bibliographyMs = Number(process.hrtime.bigint() - t) / 1e6;

const single = new CSL.Engine(sys, style, "en-US");
single.setOutputFormat("text");
t = process.hrtime.bigint();
let firstCitation = null;
for (const item of items) {
  single.updateItems([item.id]);
  const out = single.makeCitationCluster([{ id: item.id }]);
  if (firstCitation === null) firstCitation = out;
}
const citationsMs = Number(process.hrtime.bigint() - t) / 1e6;

console.log(
  JSON.stringify({
    engine_ms: engineMs,
    bibliography_ms: bibliographyMs,
    citations_ms: citationsMs,
    entries: bib[1].length,
    first_entry: bib[1][0].trim(),
    first_citation: firstCitation,
  })
);
