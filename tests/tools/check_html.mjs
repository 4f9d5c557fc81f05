#!/usr/bin/env node
// Accessibility check of HTML files: axe-core's WCAG 2.1 A and AA rules in headless Chromium.
//
//   node tests/tools/check_html.mjs [--chromium /usr/bin/chromium] FILE.html...
//
// Prints one JSON object on stdout: {"results": [{file, violations, requests, overflow}, ...]}
//   violations  axe-core's violations (id, impact, help, and each offending node's selector)
//   requests    every URL the page tried to load besides itself (a self-contained page: none)
//   overflow    how many CSS pixels the page is wider than a 390 px wide phone screen (0: fits)
// Exit status 0 when the checks ran (whatever they found), 2 on a usage or set-up error.
// tests/test_html.py runs it; the packages come from package-lock.json (`npm ci`).

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const PHONE = { width: 390, height: 844 };

function parseArgs(argv) {
  const files = [];
  let chromium = process.env.CHROMIUM || "/usr/bin/chromium";
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--chromium") chromium = argv[++i];
    else files.push(resolve(argv[i]));
  }
  if (!files.length) {
    console.error("usage: check_html.mjs [--chromium PATH] FILE.html...");
    process.exit(2);
  }
  return { files, chromium };
}

async function check(browser, file) {
  const page = await browser.newPage();
  const url = pathToFileURL(file).href;
  const requests = [];
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    if (request.url() === url) return request.continue();
    requests.push(request.url());
    return request.abort();
  });
  // The page may forbid scripts with a Content-Security-Policy; axe must still run.
  await page.setBypassCSP(true);
  await page.setViewport(PHONE);
  await page.goto(url, { waitUntil: "load" });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  await page.addScriptTag({ content: AXE_SOURCE });
  const axe = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    TAGS,
  );
  await page.close();
  const violations = axe.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html.slice(0, 200) })),
  }));
  return { file, violations, requests, overflow };
}

async function main() {
  const { files, chromium } = parseArgs(process.argv.slice(2));
  const profile = mkdtempSync(join(tmpdir(), "kamervragen-chromium-"));
  let browser;
  try {
    browser = await puppeteer.launch({
      executablePath: chromium,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        `--user-data-dir=${profile}`,
      ],
    });
    const results = [];
    for (const file of files) results.push(await check(browser, file));
    process.stdout.write(JSON.stringify({ axe: require("axe-core/package.json").version, results }) + "\n");
  } finally {
    if (browser) await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`check_html.mjs: ${error.stack || error}`);
  process.exit(2);
});
