// Renders every BPMN model of the project to an SVG picture for the docs.
//
//   processes/<name>.bpmn                  -> docs/processes/<name>.svg
//   processes/districts/<id>/<name>.bpmn   -> docs/processes/<id>-<name>.svg
//
// Uses bpmn-js's prebuilt viewer bundle inside headless Debian Chromium
// (/usr/bin/chromium, or $CHROMIUM_PATH). Nothing is fetched over the network.
import { readFile, readdir, writeFile, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const processesDir = path.join(repoRoot, 'processes');
const districtsDir = path.join(processesDir, 'districts');
const outDir = path.join(repoRoot, 'docs', 'processes');
const viewerBundle = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Latin text in Arial as bpmn-js does by default, Chinese in the first CJK font the
// viewer of the SVG has. The font-family is written into every <text> of the SVG.
const FONT_FAMILY =
  "Arial, 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', " +
  "'WenQuanYi Zen Hei', sans-serif";

async function isDir(p) {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function bpmnFilesIn(dir) {
  if (!(await isDir(dir))) return [];
  return (await readdir(dir))
    .filter((f) => f.endsWith('.bpmn'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** @returns {Promise<Array<{src: string, out: string}>>} */
async function collectJobs() {
  const jobs = [];
  for (const src of await bpmnFilesIn(processesDir)) {
    jobs.push({ src, out: path.join(outDir, path.basename(src, '.bpmn') + '.svg') });
  }
  if (await isDir(districtsDir)) {
    for (const district of (await readdir(districtsDir)).sort()) {
      for (const src of await bpmnFilesIn(path.join(districtsDir, district))) {
        const name = `${district}-${path.basename(src, '.bpmn')}.svg`;
        jobs.push({ src, out: path.join(outDir, name) });
      }
    }
  }
  return jobs;
}

// bpmn-js gives every arrow marker a random id ("marker-<random>"); number them in
// document order instead so that re-rendering an unchanged model gives the same SVG.
function stabilize(svg) {
  const renamed = new Map();
  for (const m of svg.matchAll(/<marker id="([^"]+)"/g)) {
    if (!renamed.has(m[1])) renamed.set(m[1], `marker-${renamed.size + 1}`);
  }
  let result = svg;
  for (const [id, stable] of renamed) {
    result = result.split(`id="${id}"`).join(`id="${stable}"`);
    result = result.split(`#${id}'`).join(`#${stable}'`).split(`#${id}"`).join(`#${stable}"`);
    result = result.split(`#${id})`).join(`#${stable})`);
  }
  return result;
}

async function main() {
  const jobs = await collectJobs();
  if (jobs.length === 0) {
    console.log(`No BPMN files found under ${path.relative(process.cwd(), processesDir)}`);
    return;
  }
  await mkdir(outDir, { recursive: true });

  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

  let failed = 0;
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    // Render fully offline: refuse any request the page might try to make.
    await page.route('**/*', (route) => route.abort());
    page.on('pageerror', (err) => console.error(`page error: ${err.message}`));
    await page.setContent(
      '<!doctype html><html><head><meta charset="utf-8"></head>' +
        '<body style="margin:0"><div id="canvas" style="width:1600px;height:1000px"></div></body></html>',
    );
    await page.addScriptTag({ path: viewerBundle });

    for (const { src, out } of jobs) {
      const rel = path.relative(repoRoot, src);
      const xml = await readFile(src, 'utf8');
      const result = await page.evaluate(
        async ({ xml, fontFamily }) => {
          const container = document.getElementById('canvas');
          container.innerHTML = '';
          const viewer = new window.BpmnJS({
            container,
            textRenderer: {
              defaultStyle: { fontFamily },
              externalStyle: { fontFamily },
            },
          });
          try {
            const { warnings } = await viewer.importXML(xml);
            const { svg } = await viewer.saveSVG();
            return { svg, warnings: warnings.map((w) => w.message) };
          } catch (err) {
            return { error: err.message || String(err) };
          } finally {
            viewer.destroy();
          }
        },
        { xml, fontFamily: FONT_FAMILY },
      );

      if (result.error) {
        failed++;
        console.error(`FAILED ${rel}: ${result.error}`);
        continue;
      }
      for (const w of result.warnings) console.warn(`warning ${rel}: ${w}`);
      await writeFile(out, stabilize(result.svg) + '\n', 'utf8');
      console.log(`${rel} -> ${path.relative(repoRoot, out)}`);
    }
  } finally {
    await browser.close();
  }

  if (failed) {
    console.error(`${failed} of ${jobs.length} BPMN file(s) failed to render`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
