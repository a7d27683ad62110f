export type { CommonFields, CompletedRequest, Level, LineFormat, ProcessedLine, SourceFormat } from './types';
export { isBlankLine, MAX_LINE_CHARS, parseLine } from './parse-line';
export { normalizeLevel } from './level';
export { parseTimestamp } from './time';
export { parseLogfmt } from './logfmt';
export { parseGoDuration } from './units';
export { compileExtractionRules, ExtractionRuleError, type ExtractionRule } from './extraction-rules';
export { LogCorrelator } from './correlator';
