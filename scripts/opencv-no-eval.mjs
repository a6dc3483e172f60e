// OpenCV.js without code generation from strings. Plain Node, no dependencies.
//
// @techstark/opencv-js (OpenCV 4.12 built with Emscripten) reads QR codes printed on curved
// surfaces (QRCodeDetector.detectAndDecodeCurved) that zxing-cpp finds but cannot mend. Its
// Emscripten glue, though, builds four helpers with `new Function(text)` when it loads. The
// import sandbox runs with --disallow-code-generation-from-strings and the renderer's CSP has no
// 'unsafe-eval', so both rightly refuse it. Emscripten's own DYNAMIC_EXECUTION=0 build replaces
// those helpers with closures; no build of that kind is published, so this writes one: the same
// four helpers as plain closures, with the same arguments, checks and destructor handling, and
// without the NODEFS set-up that Node's permission model refuses.
//
// The patched copy sits beside the original (dist/opencv.no-eval.js) so that it resolves like any
// package file from the source tree, a dist/ bundle or app.asar. package.json's postinstall writes
// it after every install; a new opencv.js whose glue no longer matches fails the install, loudly,
// not the app at run time.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What each helper becomes: [its start, the text that ends it, the closure that replaces it]. */
const REPLACEMENTS = [
  [
    'function createNamedFunction(name,body){',
    '(body)}',
    `function createNamedFunction(name,body){var named=function(){"use strict";return body.apply(this,arguments)};Object.defineProperty(named,"name",{value:makeLegalFunctionName(name)});return named}`,
  ],
  [
    'function makeDynCaller(dynCall){',
    '(dynCall,rawFunction)}',
    `function makeDynCaller(dynCall){return function(){return dynCall.apply(null,[rawFunction].concat(Array.prototype.slice.call(arguments)))}}`,
  ],
  [
    'function craftInvokerFunction(humanName,argTypes,classType,cppInvokerFunc,cppTargetFunc){',
    'return invokerFunction}',
    `function craftInvokerFunction(humanName,argTypes,classType,cppInvokerFunc,cppTargetFunc){var argCount=argTypes.length;if(argCount<2){throwBindingError("argTypes array size mismatch! Must at least get return value and 'this' types!")}var isClassMethodFunc=argTypes[1]!==null&&classType!==null;var needsDestructorStack=false;for(var i=1;i<argTypes.length;++i){if(argTypes[i]!==null&&argTypes[i].destructorFunction===undefined){needsDestructorStack=true;break}}var returns=argTypes[0].name!=="void";var expected=argCount-2;var invoker=function(){if(arguments.length!==expected){throwBindingError("function "+humanName+" called with "+arguments.length+" arguments, expected "+expected+" args!")}var destructors=needsDestructorStack?[]:null;var wired=[cppTargetFunc];if(isClassMethodFunc){wired.push(argTypes[1].toWireType(destructors,this))}for(var i=0;i<expected;++i){wired.push(argTypes[i+2].toWireType(destructors,arguments[i]))}var rv=cppInvokerFunc.apply(null,wired);if(needsDestructorStack){runDestructors(destructors)}else{for(var i=isClassMethodFunc?1:2;i<argTypes.length;++i){if(argTypes[i].destructorFunction!==null){argTypes[i].destructorFunction(wired[isClassMethodFunc?i:i-1])}}}if(returns){return argTypes[0].fromWireType(rv)}};Object.defineProperty(invoker,"name",{value:makeLegalFunctionName(humanName)});return invoker}`,
  ],
  [
    'function __emval_get_method_caller(argCount,argTypes){',
    'return __emval_addMethodCaller(invokerFunction)}',
    `function __emval_get_method_caller(argCount,argTypes){var types=__emval_lookupTypes(argCount,argTypes);var retType=types[0];var invokerFunction=function(handle,name,destructors,args){var values=[];var offset=0;for(var i=0;i<argCount-1;++i){values.push(types[i+1].readValueFromPointer(args+offset));offset+=types[i+1]["argPackAdvance"]}var rv=handle[name].apply(handle,values);for(var i=0;i<argCount-1;++i){if(types[i+1]["deleteObject"]){types[i+1].deleteObject(values[i])}}if(!retType.isVoid){return retType.toWireType(destructors,rv)}};return __emval_addMethodCaller(invokerFunction)}`,
  ],
  // NODEFS (host folders mounted in Emscripten's virtual file system) is never used; setting it up
  // calls process.binding, which Node's permission model (the import sandbox's) denies.
  ['if(ENVIRONMENT_HAS_NODE){var fs=require("fs");', 'NODEFS.staticInit()}', ''],
];

/** Text that must not survive the patch: code generated from a string, or a call the sandbox denies. */
const FORBIDDEN = [/\bnew Function\b/, /\bnew_\(Function\b/, /[^\w$.]eval\(/, /[^\w$.]Function\(/, /NODEFS\.staticInit\(\)/];

/** The patched source, or an Error naming the helper that did not match this opencv.js. */
export function patchOpenCvSource(source) {
  let text = source;
  for (const [start, end, replacement] of REPLACEMENTS) {
    const at = text.indexOf(start);
    if (at < 0 || text.indexOf(start, at + 1) >= 0) throw new Error(`opencv.js: expected one "${start}…", found ${at < 0 ? 'none' : 'several'}`);
    const stop = text.indexOf(end, at);
    if (stop < 0) throw new Error(`opencv.js: "${start}…" does not end with "${end}"`);
    text = text.slice(0, at) + replacement + text.slice(stop + end.length);
  }
  const left = FORBIDDEN.find((pattern) => pattern.test(text));
  if (left) throw new Error(`opencv.js: a call the sandbox refuses is left after the patch (${left})`);
  return text;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ORIGINAL = join(root, 'node_modules/@techstark/opencv-js/dist/opencv.js');
export const PATCHED = join(root, 'node_modules/@techstark/opencv-js/dist/opencv.no-eval.js');

/** Writes the patched copy unless one made the same way from this very opencv.js is there. Returns whether it wrote. */
export function ensurePatchedOpenCv() {
  const source = readFileSync(ORIGINAL, 'utf8');
  // Made from this opencv.js by these replacements: either changing writes it again.
  const digest = createHash('sha256').update(source).update(JSON.stringify(REPLACEMENTS)).digest('hex');
  const stamp = `// otp-desk: patched by scripts/opencv-no-eval.mjs (sha256 ${digest})\n`;
  if (existsSync(PATCHED) && readFileSync(PATCHED, 'utf8').startsWith(stamp)) return false;
  writeFileSync(PATCHED, stamp + patchOpenCvSource(source));
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(ensurePatchedOpenCv() ? `wrote ${PATCHED}` : `${PATCHED} is current`);
}
