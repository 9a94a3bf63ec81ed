// Unit tests in Debian's Chromium, headless. Never downloads a browser.
process.env.CHROME_BIN = process.env.CHROME_BIN || '/usr/bin/chromium';

module.exports = function (config) {
  config.set({
    basePath: '',
    frameworks: ['jasmine', '@angular-devkit/build-angular'],
    plugins: [require('karma-jasmine'), require('karma-chrome-launcher'), require('@angular-devkit/build-angular/plugins/karma')],
    client: { jasmine: { random: true }, clearContext: false },
    reporters: ['dots'],
    // Explicit, and not the usual 9876, so a developer's own karma does not collide with ours.
    port: Number(process.env.KARMA_PORT || 9899),
    listenAddress: '127.0.0.1',
    hostname: '127.0.0.1',
    colors: !process.env.CI,
    logLevel: config.LOG_WARN,
    browsers: ['ChromiumHeadlessCI'],
    customLaunchers: {
      ChromiumHeadlessCI: {
        base: 'ChromeHeadless',
        flags: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    },
    browserNoActivityTimeout: 120000,
    singleRun: true,
    restartOnFileChange: false,
  });
};
