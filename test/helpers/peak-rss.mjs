// Preloaded (`node --import`) by runBinMeasured: when the process ends, its peak resident set in
// bytes goes to the file PEAK_RSS_FILE names, so that the CLI's own output stays as it is.
import { writeFileSync } from 'node:fs';

process.on('exit', () => writeFileSync(process.env.PEAK_RSS_FILE, String(process.resourceUsage().maxRSS * 1024)));
