export { LogCorrelator } from './correlator';
export { compileExtractionRules, type ExtractionRule, ExtractionRuleError } from './extraction-rules';
export { normalizeLevel } from './level';
export { parseLogfmt } from './logfmt';
export { isBlankLine, MAX_LINE_CHARS, parseLine } from './parse-line';
export { parseTimestamp } from './time';
export type { CommonFields, CompletedRequest, Level, LineFormat, ProcessedLine, SourceFormat } from './types';
export { parseGoDuration } from './units';
