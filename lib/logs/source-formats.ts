import { FAMILY_NAMES } from './formats/family';

/** How a log source's lines are read, and where a new file source starts: the schema and the sources form share these. */
export const SOURCE_FORMATS = ['auto', 'json', 'logfmt', 'text', 'ccproxy', ...FAMILY_NAMES] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];
export const START_AT = ['beginning', 'end'] as const;
export type StartAt = (typeof START_AT)[number];
