// Karma for the app's unit tests: headless system Chromium, plus a closing line CI can count.
const { chromiumPath, chromiumFlags } = require('./scripts/chromium.cjs');

process.env.CHROME_BIN = chromiumPath();

/** Prints "N passed, M failed" alone on a line, which CI reads as the test count. */
function CountReporter(baseReporterDecorator) {
  baseReporterDecorator(this);
  let passed = 0;
  let failed = 0;
  this.onSpecComplete = (_browser, result) => {
    if (result.skipped) return;
    if (result.success) passed++;
    else failed++;
  };
  this.onRunComplete = () => {
    process.stdout.write(`\nunit: ${passed} passed, ${failed} failed\n`);
  };
}
CountReporter.$inject = ['baseReporterDecorator'];

module.exports = function (config) {
  config.set({
    basePath: '',
    frameworks: ['jasmine'],
    plugins: [
      require('karma-jasmine'),
      require('karma-chrome-launcher'),
      require('karma-coverage'),
      { 'reporter:count': ['type', CountReporter] },
    ],
    client: { jasmine: { random: true }, captureConsole: false },
    reporters: ['progress', 'count'],
    browsers: ['ChromeHeadlessLocal'],
    customLaunchers: {
      ChromeHeadlessLocal: {
        base: 'ChromeHeadless',
        flags: chromiumFlags,
      },
    },
    singleRun: true,
    restartOnFileChange: false,
  });
};
