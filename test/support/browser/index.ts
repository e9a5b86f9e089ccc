export { controlsWithoutNames, expectAccessibleNames } from './accessible-names';
// The browser-test harness (ADR 051): Debian's Chromium driven by playwright-core from jest e2e specs.
export { type EmbeddedForBrowser, type EmbeddedForBrowserOptions, startEmbeddedForBrowser } from './embedded-for-browser';
export { CHROMIUM_ARGS, type LaunchChromiumOptions, type LaunchedChromium, launchChromium } from './launch-chromium';
export { type ExpectNoProblemsOptions, type PageProblems, PageRecorder, recordPage } from './page-recorder';
export { type ScreenshotOptions, saveScreenshot } from './screenshot';
export { CONSOLE_TIMEOUT_MS, type ConsoleSignInOptions, signInToConsole } from './console-sign-in';
export { SCALE_TIMEOUT_MS, type StationsListFigures, measureStationsList, scaleStationId, seedStations } from './stations-at-scale';
