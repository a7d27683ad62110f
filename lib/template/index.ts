export { Template, type TemplateOptions } from './template';
export { BUILTINS, htmlEscape, jsEscape, queryEscape, type Func, type Funcs } from './builtins';
export { ExecError } from './exec';
export { TemplateError } from './parse';
export { formatE, formatF, formatG } from './go-number';
export { sprintf } from './sprintf';
export { GoMap, METHODS, isTrue, printValue, sprint, toFloat, toInt, toStr, withMethods, withType, type Value } from './values';
