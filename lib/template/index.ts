export { queryEscape } from './builtins';
export type { Escaper } from './exec';
export { formatG } from './go-number';
export { TemplateError } from './parse';
export { Template } from './template';
export { GoMap, type Value, withType } from './values';
