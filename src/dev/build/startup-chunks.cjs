/**
 * Writes startup-chunks.json: `pane`, the files of the chunk group taskpane.ts imports as "pane"
 * (src/taskpane/app with its first step), read from webpack's chunk graph. With the page's own
 * scripts (taskpane.html) they are what the pane fetches before its first step shows:
 * test/bundle/first-render-budget.test.ts sums their gzip sizes. Every other chunk loads later,
 * when a step, an action or the idle preload asks for it.
 */
const webpack = require('webpack');

class StartupChunksPlugin {
  constructor({ group = 'pane', file = 'startup-chunks.json' } = {}) {
    this.group = group;
    this.file = file;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('StartupChunksPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'StartupChunksPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const group = compilation.namedChunkGroups.get(this.group);
        if (!group) {
          compilation.errors.push(new webpack.WebpackError(`StartupChunksPlugin: no chunk group named "${this.group}" (the webpackChunkName of taskpane.ts's import)`));
          return;
        }
        const pane = [...new Set(group.chunks.flatMap((chunk) => [...chunk.files]))].filter((f) => f.endsWith('.js')).sort();
        const report = { pane };
        compilation.emitAsset(this.file, new webpack.sources.RawSource(`${JSON.stringify(report, null, 2)}\n`));
      });
    });
  }
}

module.exports = { StartupChunksPlugin };
