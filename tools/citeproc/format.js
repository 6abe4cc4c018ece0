// Formats Shelfmark's citation cases with citeproc-js, the CSL processor inside Zotero
// and Mendeley, so that our engine's output can be compared with it string for string.
//
// usage: node format.js CASES.json STYLE_DIR OUT_DIR
//
// CASES.json is written by the biblio test `cite_cases_are_current`: a list of
// { id, locator, csl } where csl is the CSL-JSON item. For every style STYLE_DIR/NAME.csl
// listed in the cases file, writes OUT_DIR/NAME.json mapping each case id to its first
// citation and subsequent citation (both with the locator) and its bibliography entry,
// each as { text, html }.
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const [casesPath, styleDir, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: node format.js CASES.json STYLE_DIR OUT_DIR");
  process.exit(2);
}
const input = JSON.parse(fs.readFileSync(casesPath, "utf8"));
const items = new Map(input.cases.map((c) => [c.id, c.csl]));

const sys = {
  retrieveLocale: (lang) => {
    const file = path.join(styleDir, `locales-${lang}.xml`);
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
  },
  retrieveItem: (id) => items.get(id),
};

function engine(style, format) {
  const e = new CSL.Engine(sys, style, "en-US");
  e.setOutputFormat(format);
  return e;
}

function cite(e, c) {
  e.restoreProcessorState([]);
  e.updateItems([c.id]);
  const item = { id: c.id };
  if (c.locator) {
    item.locator = c.locator;
    item.label = "page";
  }
  const first = { citationItems: [item], properties: { noteIndex: 1 } };
  const r1 = e.processCitationCluster(first, [], []);
  const firstText = r1[1].find((x) => x[0] === 0)[1];
  const firstId = e.registry.citationreg.citationByIndex[0].citationID;
  const second = { citationItems: [item], properties: { noteIndex: 2 } };
  const r2 = e.processCitationCluster(second, [[firstId, 1]], []);
  const secondText = r2[1].find((x) => x[0] === 1)[1];
  let bib = null;
  const made = e.makeBibliography();
  if (made) {
    bib = made[1].join("");
  }
  return { first: firstText, subsequent: secondText, bibliography: bib };
}

function html(s) {
  return s
    .replace(/^\s*<div class="csl-entry">/, "")
    .replace(/<\/div>\s*$/, "")
    .trim();
}

fs.mkdirSync(outDir, { recursive: true });
for (const name of input.styles) {
  const style = fs.readFileSync(path.join(styleDir, `${name}.csl`), "utf8");
  const asText = engine(style, "text");
  const asHtml = engine(style, "html");
  const out = {};
  for (const c of input.cases) {
    const t = cite(asText, c);
    const h = cite(asHtml, c);
    out[c.id] = {
      first: { text: t.first.trim(), html: h.first.trim() },
      subsequent: { text: t.subsequent.trim(), html: h.subsequent.trim() },
      bibliography:
        t.bibliography === null
          ? null
          : { text: t.bibliography.trim(), html: html(h.bibliography) },
    };
  }
  fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(out, null, 2) + "\n");
  console.log(`${name}: ${input.cases.length} cases`);
}
