// Real-browser checks of a running Shelfmark server.
//
//   node check.mjs BASE_URL OUTPUT_DIR
//
// 1. axe-core audits the home, book, chapter and search pages (WCAG 2.1 A and AA rules
//    plus best practices); any violation fails the run.
// 2. A reader's path: open the book page, follow a table-of-contents link, open
//    "Cite this Item" and read the citation; screenshots of each step, on a desktop
//    and on a phone-sized viewport.
// Prints one JSON report on standard output; exits 1 on any failure.
import { chromium } from "playwright-core";
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";

const [base, out] = process.argv.slice(2);
if (!base || !out) {
  console.error("usage: node check.mjs BASE_URL OUTPUT_DIR");
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const report = { audits: [], path: {}, failures: [] };
const fail = (what) => report.failures.push(what);

async function audit(page, name, url) {
  const response = await page.goto(url, { waitUntil: "load" });
  if (!response || response.status() !== 200) fail(`${name}: HTTP ${response && response.status()}`);
  // axe is injected through the DevTools protocol, so the page's
  // Content-Security-Policy (script-src 'self') does not block it.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }));
  const violations = result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
  }));
  report.audits.push({ name, url, passes: result.passes.length, violations });
  for (const v of violations) fail(`${name}: ${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(", ")}`);
}

const cspErrors = [];
for (const [label, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]]) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on("console", (msg) => { if (msg.type() === "error") cspErrors.push(`${label}: ${msg.text()}`); });
  page.on("response", (r) => { if (r.status() >= 400) cspErrors.push(`${label}: HTTP ${r.status()} for ${r.url()}`); });
  if (label === "desktop") {
    await audit(page, "home", `${base}/`);
    await audit(page, "book", `${base}/books/crisis-in-north-korea`);
    await audit(page, "chapter", `${base}/books/crisis-in-north-korea/12`);
    await audit(page, "search", `${base}/search?q=Kim+Il+Sung`);
  }
  // The reader's path.
  try {
  await page.goto(`${base}/books/crisis-in-north-korea`, { waitUntil: "load" });
  await page.screenshot({ path: `${out}/book-${label}.png`, fullPage: false });
  const link = page.locator("a.toc-title", { hasText: "The August Plenum" });
  await link.click();
  await page.waitForURL(/\/books\/crisis-in-north-korea\/12$/);
  const heading = (await page.locator("h1").innerText()).trim();
  if (heading !== "The August Plenum") fail(`${label}: chapter heading is "${heading}"`);
  const summary = page.locator("details.cite summary");
  await summary.click();
  const open = await page.locator("details.cite").evaluate((d) => d.open);
  if (!open) fail(`${label}: Cite this Item did not open`);
  const citation = (await page.locator(".citation-text").first().innerText({ timeout: 5000 })).trim();
  if (!citation.includes("August Plenum") || !citation.includes("Lankov")) fail(`${label}: citation is "${citation}"`);
  const copyVisible = await page.locator("button.copy").first().isVisible();
  await page.screenshot({ path: `${out}/chapter-cite-${label}.png`, fullPage: false });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  if (overflow) fail(`${label}: the page scrolls sideways`);
  report.path[label] = { heading, citation, copyVisible, url: page.url() };
  } catch (e) {
    fail(`${label}: reader's path: ${e.message.split("\n")[0]}`);
  }
  await context.close();
}
for (const e of cspErrors) fail(`console error: ${e}`);
await browser.close();
console.log(JSON.stringify(report, null, 2));
process.exit(report.failures.length ? 1 : 0);
