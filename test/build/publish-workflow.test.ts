/**
 * The publishing workflow (.github/workflows/publish.yml) runs the production build that npm test
 * checks, and a production build names only the host it was built for. GitHub runs the workflow;
 * here we hold its text to the build it must run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { built, listFiles, PRODUCTION_BASE_URL, ROOT } from '../support/dist';

type Step = { id?: string; name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Workflow = { on: { push?: { tags?: string[] } }; permissions: Record<string, string>; jobs: Record<string, { needs?: string; steps: Step[] }> };

const workflowFile = path.join(ROOT, '.github', 'workflows', 'publish.yml');
const workflow = parse(fs.readFileSync(workflowFile, 'utf8'), { strict: true, uniqueKeys: true }) as Workflow;
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const buildSteps = workflow.jobs.build.steps;
const stepRunning = (pattern: RegExp) => buildSteps.find((step) => step.run && pattern.test(step.run));

describe('the publishing workflow', () => {
  it('runs on a version tag', () => {
    expect(workflow.on.push?.tags).toEqual(['v*']);
  });

  it('installs from the lockfile with the Node version package.json asks for', () => {
    expect(stepRunning(/^npm ci\b/)).toBeDefined();
    const node = buildSteps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(String(node?.with?.['node-version'])).toBe(packageJson.engines.node.replace('>=', ''));
  });

  it('runs the package.json production build with one base address setting', () => {
    const build = stepRunning(/npm run build:prod/);
    expect(packageJson.scripts['build:prod']).toBe('webpack --mode production');
    expect(build?.run).toBe('npm run build:prod -- --env "baseUrl=$MKT_BASE_URL" --env outDir=dist-prod');
    // The setting: a repository variable, else this repository's GitHub Pages address.
    expect(build?.env?.MKT_BASE_URL).toBe('${{ vars.MKT_BASE_URL || steps.pages.outputs.base_url }}');
    expect(buildSteps.find((step) => step.id === 'pages')?.uses).toMatch(/^actions\/configure-pages@/);
  });

  it('publishes the folder it built, without the source maps', () => {
    const upload = buildSteps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.path).toBe('dist-prod');
    const drop = stepRunning(/\.map/);
    expect(drop?.run).toBe("find dist-prod -name '*.map' -delete");
    expect(buildSteps.indexOf(drop!)).toBeLessThan(buildSteps.indexOf(upload!));
    expect(workflow.jobs.deploy.needs).toBe('build');
    expect(workflow.jobs.deploy.steps.map((step) => step.uses)).toEqual([expect.stringMatching(/^actions\/deploy-pages@/)]);
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
  });
});

describe('a production build', () => {
  // Addresses a shipped file may name besides its own host: office.js's CDN, which the pane loads,
  // and text that is never fetched: React's error-decoder link, XML namespaces (transitional and
  // Strict Open XML), the source article's address the assumptions sheet cites.
  const OTHER_HOSTS = new Set([
    'https://appsforoffice.microsoft.com',
    'https://reactjs.org',
    'http://www.w3.org',
    'http://schemas.microsoft.com',
    'http://schemas.openxmlformats.org',
    'http://purl.oclc.org',
    'https://www.antoine-blot.com',
  ]);
  const host = new URL(PRODUCTION_BASE_URL).origin;
  const shipped = listFiles(built('dist-prod')).filter((name) => !name.endsWith('.map') && /\.(js|json|html|xml|txt)$/.test(name));

  it('names only the host it was built for', () => {
    const foreign = new Map<string, string>();
    for (const name of shipped) {
      for (const [origin] of fs.readFileSync(built('dist-prod', name), 'utf8').matchAll(/https?:\/\/[A-Za-z0-9.-]+(?::\d+)?/g)) {
        if (origin !== host && !OTHER_HOSTS.has(origin)) foreign.set(origin, name);
      }
    }
    expect(Object.fromEntries(foreign)).toEqual({});
  });

  it('names that host in the manifest, the metadata and the help links', () => {
    for (const name of ['manifest.xml', 'functions.json', 'fr-fr/functions.json', 'fr-ca/functions.json']) {
      expect(fs.readFileSync(built('dist-prod', name), 'utf8')).toContain(PRODUCTION_BASE_URL);
    }
  });
});
