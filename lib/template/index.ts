export { BUILTINS, type Func, type Funcs, htmlEscape, jsEscape, queryEscape } from './builtins';
export { ExecError } from './exec';
export { formatE, formatF, formatG } from './go-number';
export { TemplateError } from './parse';
export { sprintf } from './sprintf';
export { Template, type TemplateOptions } from './template';
export {
  GoMap,
  isTrue,
  METHODS,
  printValue,
  sprint,
  toFloat,
  toInt,
  toStr,
  type Value,
  withMethods,
  withType,
} from './values';
