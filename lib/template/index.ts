export { queryEscape } from './builtins';
export { formatG } from './go-number';
export { TemplateError } from './parse';
export { Template } from './template';
export { GoMap, type Value, withType } from './values';
