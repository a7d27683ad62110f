export type {
  CcproxyVersion, CommonFields, CompletedRequest, JsonIssue, Level, LineFormat, ParsedLine, ProcessedLine, SourceFormat, TsIssue,
} from './types';
export { isBlankLine, MAX_LINE_CHARS, parseLine, type ParseOptions } from './parse-line';
export { normalizeLevel } from './level';
export { parseTimestamp } from './time';
export { parseLogfmt } from './logfmt';
export { extractCommonFields } from './request-fields';
export { parseGoDuration, type DurationUnit } from './units';
export {
  applyExtractionRules, compileExtractionRules, ExtractionRuleError, type CompiledRule, type ExtractionRule,
} from './extraction-rules';
export { DEFAULT_LIMITS, LogCorrelator, type CorrelatorLimits, type CorrelatorOptions } from './correlator';
export type { CorrelatorState } from './correlator-state';
