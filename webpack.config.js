// Builds the add-in into dist/ (or --env outDir=…).
//   npm run build                                     offline build: https://localhost:3000/, local office.js
//   npm run build:prod -- --env baseUrl=https://host/ production: every localhost URL replaced, office.js from the CDN
const path = require('path');
const fs = require('fs');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { localizeMetadata } = require('./src/dev/build/localize.cjs');
const { helpPage, privacyPage } = require('./src/dev/build/help-page.cjs');
const { StartupChunksPlugin } = require('./src/dev/build/startup-chunks.cjs');

const DEV_BASE_URL = 'https://localhost:3000/';
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_DIR = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
// What office.js needs offline for Excel and the pane's languages; the package holds every host.
const OFFICE_JS_FILES = ['office.js', 'custom-functions-runtime.js', 'es6-promise.js', 'o15apptofilemappingtable.js', 'excel-*.js', 'excelwebapp-*.js', 'en-us/**', 'fr-fr/**', 'fr-ca/**', 'ariatelemetry/**', 'agaveerrorux/**'];

function normaliseBaseUrl(url) {
  const parsed = new URL(url); // throws on a malformed URL: better at build time than in Excel
  if (parsed.protocol !== 'https:') throw new Error(`baseUrl must be https: ${url}`);
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
}

/** Adds the French metadata and the help page, and rewrites localhost URLs for production. */
class MktAssetsPlugin {
  constructor({ baseUrl }) {
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('MktAssetsPlugin', (compilation) => {
      const { RawSource } = webpack.sources;
      compilation.hooks.processAssets.tap(
        { name: 'MktAssetsPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const metadataAsset = compilation.getAsset('functions.json');
          if (!metadataAsset) return; // the metadata plugin reported its own error
          const metadata = JSON.parse(metadataAsset.source.source().toString());
          // The metadata generator always sets allowCustomDataForDataTypeAny, which needs
          // CustomFunctionsRuntime 1.4 (not in Office 2021). MKT takes no data types: dropped, so the
          // manifest's CustomFunctionsRuntime 1.3 is what the metadata really needs.
          if ('allowCustomDataForDataTypeAny' in metadata) {
            delete metadata.allowCustomDataForDataTypeAny;
            compilation.updateAsset('functions.json', new RawSource(JSON.stringify(metadata, null, 4)));
          }
          const table = JSON.parse(fs.readFileSync(path.resolve(__dirname, 'src/functions/metadata-fr.json'), 'utf8'));
          const reference = JSON.parse(fs.readFileSync(path.resolve(__dirname, 'src/functions/reference.json'), 'utf8'));
          const referenceFr = JSON.parse(fs.readFileSync(path.resolve(__dirname, 'src/functions/reference-fr.json'), 'utf8'));
          for (const locale of ['fr-FR', 'fr-CA']) {
            const localized = localizeMetadata(metadata, table, locale);
            compilation.emitAsset(`${locale.toLowerCase()}/functions.json`, new RawSource(JSON.stringify(localized, null, 2)));
          }
          // French Excel's help links open the French page (help.html), English Excel's the English one.
          const english = { ...metadata, functions: metadata.functions.map((fn) => ({ ...fn, helpUrl: fn.helpUrl && fn.helpUrl.replace('/help.html#', '/help-en.html#') })) };
          compilation.updateAsset('functions.json', new RawSource(JSON.stringify(english, null, 4)));
          compilation.emitAsset('help.html', new RawSource(helpPage(metadata, table, reference, referenceFr, 'fr')));
          compilation.emitAsset('help-en.html', new RawSource(helpPage(metadata, table, reference, referenceFr, 'en')));
          compilation.emitAsset('privacy.html', new RawSource(privacyPage('fr')));
          compilation.emitAsset('privacy-en.html', new RawSource(privacyPage('en')));
        },
      );
      if (this.baseUrl === DEV_BASE_URL) return;
      compilation.hooks.processAssets.tap(
        { name: 'MktAssetsPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!/\.(xml|json|html)$/.test(name)) continue;
            const text = compilation.getAsset(name).source.source().toString();
            if (text.includes(DEV_BASE_URL)) {
              compilation.updateAsset(name, new RawSource(text.split(DEV_BASE_URL).join(this.baseUrl)));
            }
          }
        },
      );
    });
  }
}

/**
 * The pane's Content-Security-Policy. Scripts: this origin only, plus office.js's CDN when the
 * build loads office.js from it; eval only in a development build (its eval-source-map). Styles
 * allow inline ones: Fluent UI inserts its own. Frames and connections stay open to https, where
 * Office's own pages (sign-in, dialogs) live; only Excel can confirm the production list.
 */
function contentSecurityPolicy({ officeJsFromCdn, development }) {
  const scripts = ["'self'", ...(officeJsFromCdn ? [new URL(OFFICE_JS_CDN).origin] : []), ...(development ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    officeJsFromCdn ? "connect-src 'self' https:" : "connect-src 'self'",
    officeJsFromCdn ? 'frame-src https:' : "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

module.exports = (env = {}, argv = {}) => {
  const baseUrl = normaliseBaseUrl(env.baseUrl || DEV_BASE_URL);
  const production = baseUrl !== DEV_BASE_URL;
  const officeJs = env.officeJs || (production ? 'cdn' : 'local');
  const outDir = path.resolve(__dirname, env.outDir || 'dist');
  const mode = argv.mode || 'production';
  return {
    mode,
    // Production: maps are written for debugging but not referenced from the bundles (README).
    devtool: mode === 'development' ? 'eval-source-map' : 'hidden-source-map',
    entry: {
      functions: './src/functions/functions.ts',
      taskpane: './src/taskpane/taskpane.ts',
      // Test-only page for the browser test (long RTL channel names), never in a production build.
      ...(production
        ? {}
        : {
            'channel-names-fixture': './src/taskpane/testing/channel-names-fixture.tsx',
            // The real pane over the Excel fake: the browser test walks the journey on it.
            'excel-fake-pane': './src/taskpane/testing/excel-fake-pane.tsx',
          }),
    },
    output: {
      path: outDir,
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // React's API on Preact (preact/compat): the pane's first render is lighter by react-dom's
      // ~40 KB gzip (README, Performance). Fluent's context selector asks `scheduler` only for a
      // priority: Preact's stand-in runs the callback at once (no scheduler package at all, issue 13).
      alias: {
        'react$': 'preact/compat',
        'react/jsx-runtime$': 'preact/compat/jsx-runtime',
        'react/jsx-dev-runtime$': 'preact/compat/jsx-dev-runtime',
        'react-dom$': 'preact/compat',
        'react-dom/client$': 'preact/compat/client',
        'scheduler$': 'preact/compat/scheduler',
        // The Excel fake's office-addin-mock needs Node; the browser test page uses a stand-in.
        ...(production ? {} : { 'office-addin-mock$': path.resolve(__dirname, 'src/taskpane/testing/office-mock-stub.ts') }),
      },
    },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, onlyCompileBundledFiles: true } } }],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new MktAssetsPlugin({ baseUrl }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
        officeJsUrl: officeJs === 'cdn' ? OFFICE_JS_CDN : 'office-js/office.js',
        csp: contentSecurityPolicy({ officeJsFromCdn: officeJs === 'cdn', development: mode === 'development' }),
      }),
      ...(production
        ? []
        : [
            // What the pane fetches before its first step, for the first-render budget test.
            new StartupChunksPlugin(),
            new HtmlWebpackPlugin({
              filename: 'excel-fake-pane.html',
              template: './src/taskpane/taskpane.html',
              chunks: ['excel-fake-pane'],
              officeJsUrl: 'office-js/office.js',
              csp: contentSecurityPolicy({ officeJsFromCdn: false, development: mode === 'development' }),
            }),
            new HtmlWebpackPlugin({
              filename: 'channel-names-fixture.html',
              template: './src/taskpane/taskpane.html',
              chunks: ['channel-names-fixture'],
              officeJsUrl: 'office-js/office.js',
              csp: contentSecurityPolicy({ officeJsFromCdn: false, development: mode === 'development' }),
            }),
          ]),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'manifest.xml', to: 'manifest.xml' },
          ...(officeJs === 'local' ? [{ from: 'src/taskpane/office-loader.js', to: 'office-loader.js' }] : []),
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          // « Insérer l'exemple »: the examples the pane inserts or offers, beside it (src/excel/insert-example.ts).
          { from: 'assets/examples/budget-*.xlsx', to: 'assets/examples/[name][ext]', globOptions: { ignore: ['**/*-portable.xlsx'] } },
          ...(officeJs === 'local'
            ? [{ from: `{${OFFICE_JS_FILES.join(',')}}`, context: OFFICE_JS_DIR, to: 'office-js/', globOptions: { ignore: ['**/*.debug.js'] }, info: { minimized: true } }]
            : []),
        ],
      }),
    ],
    devServer: {
      static: { directory: outDir },
      port: 3000,
      host: 'localhost',
      headers: { 'Access-Control-Allow-Origin': '*' },
    },
  };
};
