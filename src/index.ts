/**
 * The library: `analyse` a data folder, `render` the report's files in memory, `writeReport` them
 * atomically into a report folder. The CLI (src/cli/) is a thin layer over these three.
 *
 *   const analysed = await analyse('data/voorbeeld-2025', { level: 'openbaar' });
 *   if (!analysed.ok) … analysed.messages, analysed.failure
 *   const rendered = await render(analysed, { formats: ['md'] });
 *   if (rendered.ok) … rendered.files: { path, data }[]
 */
export { analyse, type AnalyseOptions, type AnalyseResult, type Analysed, type NotAnalysed } from './analyse.js';
export { render, reportBaseName, FORMATS, type Format, type OutputFile, type RenderOptions, type RenderResult } from './render/index.js';
export { writeReport, type ReportFiles, type ReportIdentity, type WriteOptions, type WriteResult } from './output/report.js';
export { buildManifest, ManifestSchema, type Manifest, type ManifestInput, type OutputEntry, type RunChoices } from './output/manifest.js';
export { levelView, type LevelView, type ViewSource } from './classify/view.js';
export { extract, type ExtractOptions, type ExtractResult } from './extract/index.js';
export { createBrowserSession, type BrowserSession } from './render/browser.js';
export type { Failure, FailureKind } from './failure.js';
export { STAGES, type ProgressEvent, type Stage } from './progress.js';
export { formatMessage, sortMessages, summarize, type Message, type Severity } from './messages.js';
export { LEVELS, LEVEL_LABEL, parseLevel, type Level } from './classify/levels.js';
export { AnalysisSchema, type Analysis } from './analysis.js';
export type { Registers, Settings } from './model.js';
export { TOOL_VERSION } from './version.js';
