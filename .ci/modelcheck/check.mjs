#!/usr/bin/env node
// govflow model check: bpmnlint (recommended + camunda-compat 7.24) over *.bpmn,
// a parse + historyTimeToLive check over *.dmn, and a real render of every
// *.form with @bpmn-io/form-js 1.8.7 (the version Camunda 7.24 Tasklist ships)
// in a jsdom DOM.
//
// usage (from the repo root, after `npm ci --prefix .ci/modelcheck`):
//   node .ci/modelcheck/check.mjs [options] bpmn forms
// Arguments are directories (searched recursively) or single files.
// Options:
//   --config FILE    bpmnlint config (default: .bpmnlintrc next to this script)
//   --strict         count warnings as problems too (exit non-zero on them)
//   --no-form-refs   skip the check that every camunda:formRef names a form found
// Exit: 0 = no problems, 1 = problems found, 2 = usage/internal error.

import { readFile, readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const requireHere = createRequire(path.join(HERE, 'package.json'));

const FORM_JS_SCHEMA_VERSION = 16; // schemaVersion understood by form-js 1.8.x

// ---------------------------------------------------------------- arguments

function usage(msg) {
  if (msg) console.error(`modelcheck: ${msg}`);
  console.error('usage: node .ci/modelcheck/check.mjs [--config FILE] [--strict] [--no-form-refs] DIR|FILE...');
  process.exit(2);
}

const opts = { config: path.join(HERE, '.bpmnlintrc'), strict: false, formRefs: true, targets: [] };
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--config') { opts.config = argv[++i] || usage('--config needs a file'); }
    else if (a.startsWith('--config=')) { opts.config = a.slice('--config='.length); }
    else if (a === '--strict') { opts.strict = true; }
    else if (a === '--no-form-refs') { opts.formRefs = false; }
    else if (a === '-h' || a === '--help') { usage(); }
    else if (a.startsWith('-')) { usage(`unknown option ${a}`); }
    else { opts.targets.push(a); }
  }
  if (!opts.targets.length) usage('no directory given');
}

// ---------------------------------------------------------------- reporting

const problems = []; // { file, id, rule, message, severity: 'error' | 'warning' }

function report(file, id, rule, message, severity = 'error') {
  const oneLine = String(message ?? '').replace(/\s*\n\s*/g, ' ').trim();
  problems.push({ file, id: id || '-', rule, message: oneLine, severity });
}

const rel = (f) => path.relative(process.cwd(), f) || f;

// moddle messages look like "unparsable content <x> detected\n\tline: 4\n\tcolumn: 2\n\tnested error: ..."
function moddleMessage(message) {
  const [ first, ...rest ] = String(message).split('\n');
  const field = (name) => {
    const l = rest.find(r => r.trim().startsWith(name + ':'));
    return l && l.trim().slice(name.length + 1).trim();
  };
  const line = field('line'), column = field('column'), nested = field('nested error');
  const where = [ line && `line ${line}`, column && `column ${column}` ].filter(Boolean).join(', ');
  const extra = [ where, nested ].filter(Boolean).join(': ');
  return extra ? `${first} (${extra})` : first;
}

// offset of the first syntax error in a JSON text (Node 20's JSON.parse does not always say)
function jsonErrorOffset(text) {
  let i = 0;
  const number = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  const fail = () => { throw i; };
  const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') { i++; return; }
      if (c === '\\') { i += 2; continue; }
      if (c < ' ') fail();
      i++;
    }
    fail();
  };
  const value = () => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++; ws();
      if (text[i] === close) { i++; return; }
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') fail();
          string(); ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value(); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === close) { i++; return; }
        fail();
      }
    }
    if (c === '"') return string();
    number.lastIndex = i;
    const m = number.exec(text);
    if (m && m[0]) { i += m[0].length; return; }
    for (const lit of [ 'true', 'false', 'null' ]) {
      if (text.startsWith(lit, i)) { i += lit.length; return; }
    }
    fail();
  };
  try {
    value(); ws();
    if (i < text.length) fail();
    return -1;
  } catch (e) {
    if (typeof e === 'number') return Math.min(e, text.length);
    throw e;
  }
}

// ---------------------------------------------------------------- file discovery

async function collect(target, out) {
  let st;
  try {
    st = await stat(target);
  } catch {
    console.log(`modelcheck: ${target} does not exist, nothing to check there`);
    return;
  }
  if (st.isFile()) {
    out.push(target);
    return;
  }
  const entries = await readdir(target, { withFileTypes: true });
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(target, e.name);
    if (e.isDirectory()) await collect(p, out);
    else if (e.isFile()) out.push(p);
  }
}

const allFiles = [];
for (const t of opts.targets) await collect(t, allFiles);
const byExt = (ext) => [ ...new Set(allFiles.filter(f => f.toLowerCase().endsWith(ext))) ];
const bpmnFiles = byExt('.bpmn');
const dmnFiles = byExt('.dmn');
const formFiles = byExt('.form');

// ---------------------------------------------------------------- BPMN (bpmnlint)

const formRefs = []; // { file, id, formRef }

async function lintBpmn(files) {
  if (!files.length) return;

  const { Linter } = requireHere('bpmnlint');
  const NodeResolver = requireHere('bpmnlint/lib/resolver/node-resolver');
  const requireFromBpmnlint = createRequire(requireHere.resolve('bpmnlint'));
  const { BpmnModdle } = requireFromBpmnlint('bpmn-moddle');

  let config;
  try {
    config = JSON.parse(await readFile(opts.config, 'utf8'));
  } catch (e) {
    console.error(`modelcheck: cannot read bpmnlint config ${opts.config}: ${e.message}`);
    process.exit(2);
  }

  // resolve plugins, configs and moddle extensions from .ci/modelcheck/node_modules,
  // whatever the current directory is
  const scopedRequire = createRequire(path.join(HERE, '__placeholder__.js'));
  const extensions = {};
  for (const [ prefix, ref ] of Object.entries(config.moddleExtensions || {})) {
    extensions[prefix] = scopedRequire(ref);
  }
  const linterConfig = { ...config };
  delete linterConfig.moddleExtensions;

  const linter = new Linter({
    config: linterConfig,
    resolver: new NodeResolver({ require: scopedRequire })
  });

  for (const file of files) {
    const shown = rel(file);
    const xml = await readFile(file, 'utf8');
    const moddle = new BpmnModdle(extensions);

    let rootElement, warnings = [];
    try {
      ({ rootElement, warnings = [] } = await moddle.fromXML(xml, 'bpmn:Definitions'));
    } catch (e) {
      report(shown, '-', 'parse', `not a readable BPMN 2.0 file: ${moddleMessage(e.message)}`);
      continue;
    }
    for (const w of warnings) {
      report(shown, w.element && w.element.id, 'import', moddleMessage(w.message));
    }

    let results;
    try {
      results = await linter.lint(rootElement);
    } catch (e) {
      report(shown, '-', 'bpmnlint', `linter failed: ${e.message}`);
      continue;
    }
    for (const [ ruleName, reports ] of Object.entries(results)) {
      for (const r of reports) {
        const id = r.path && r.path.length ? `${r.id}#${r.path.join('.')}` : r.id;
        const severity = (r.category === 'warn' || r.category === 'info') ? 'warning' : 'error';
        report(shown, id, r.name || ruleName, r.message, severity);
      }
    }

    collectFormRefs(rootElement, shown);
  }
}

function collectFormRefs(definitions, file) {
  const seen = new Set();
  const visit = (el) => {
    if (!el || typeof el !== 'object' || seen.has(el)) return;
    seen.add(el);
    if (el.$type && typeof el.get === 'function') {
      let ref;
      try { ref = el.get('camunda:formRef'); } catch { /* not applicable */ }
      if (ref) formRefs.push({ file, id: el.id, formRef: ref });
    }
    for (const key of [ 'rootElements', 'flowElements', 'artifacts', 'laneSets' ]) {
      const children = el[key];
      if (Array.isArray(children)) children.forEach(visit);
    }
  };
  visit(definitions);
}

// ---------------------------------------------------------------- DMN

async function checkDmn(files) {
  if (!files.length) return;
  const { DmnModdle } = await import('dmn-moddle');
  const camundaDmn = requireHere('camunda-dmn-moddle/resources/camunda.json');
  const DMN13 = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

  for (const file of files) {
    const shown = rel(file);
    const xml = await readFile(file, 'utf8');
    if (!xml.includes(DMN13)) {
      report(shown, '-', 'dmn-version', 'not a DMN 1.3 file (Camunda 7 still runs DMN 1.1/1.2, but this check only understands 1.3; re-save it in Camunda Modeler)', 'warning');
      continue;
    }
    const moddle = new DmnModdle({ camunda: camundaDmn });
    let rootElement, warnings = [];
    try {
      ({ rootElement, warnings = [] } = await moddle.fromXML(xml, 'dmn:Definitions'));
    } catch (e) {
      report(shown, '-', 'parse', `not a readable DMN 1.3 file: ${moddleMessage(e.message)}`);
      continue;
    }
    for (const w of warnings) {
      report(shown, w.element && w.element.id, 'import', moddleMessage(w.message));
    }
    for (const d of rootElement.drgElement || []) {
      if (d.$type === 'dmn:Decision' && !d.get('camunda:historyTimeToLive')) {
        report(shown, d.id, 'history-time-to-live',
          'Property <historyTimeToLive> should be configured on <dmn:Decision> (Camunda 7.20+ refuses to deploy it otherwise)');
      }
    }
  }
}

// ---------------------------------------------------------------- Forms (form-js in jsdom)

function setupDom() {
  const { JSDOM, VirtualConsole } = requireHere('jsdom');
  const virtualConsole = new VirtualConsole();
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    url: 'http://localhost/', // no sub-resources are fetched: jsdom's default resource loader is off
    pretendToBeVisual: true,
    virtualConsole
  });
  const { window } = dom;
  for (const key of Object.getOwnPropertyNames(window)) {
    if (key in globalThis) continue;
    try {
      Object.defineProperty(globalThis, key, { value: window[key], configurable: true, writable: true });
    } catch { /* read-only in node, skip */ }
  }
  for (const key of [ 'window', 'document', 'navigator', 'self' ]) {
    Object.defineProperty(globalThis, key, { value: window[key], configurable: true, writable: true });
  }
  return { window, virtualConsole };
}

function walkComponents(components, visit, ctx = { skipRender: false }) {
  if (!Array.isArray(components)) return;
  for (const c of components) {
    if (!c || typeof c !== 'object') continue;
    visit(c, ctx);
    const hidden = ctx.skipRender || !!(c.conditional && c.conditional.hide);
    // dynamic lists render their children once per repetition (data driven): do not count them
    walkComponents(c.components, visit, { skipRender: hidden || c.type === 'dynamiclist' });
  }
}

// best effort: which component does a form-js import error talk about?
function componentIdFor(schema, message) {
  const idm = /id <([^>]+)>/.exec(message);
  if (idm) return idm[1];
  const pm = /binding path '([^']+)' is already claimed/.exec(message);
  if (pm) {
    const ids = [];
    walkComponents(schema.components, (c) => {
      if (c.key === pm[1] || c.path === pm[1] || (c.key && pm[1].endsWith('.' + c.key))) ids.push(c.id || '(no id)');
    });
    if (ids.length) return ids.join(',');
  }
  return schema.id;
}

const sleep = (ms) => new Promise(r => setTimeout(r, ms));

async function renderForms(files) {
  if (!files.length) return new Map();

  const { window, virtualConsole } = setupDom();
  const formJs = requireHere('@bpmn-io/form-js');
  const { Form, FormFields } = formJs;
  const registry = new FormFields();

  // everything that goes wrong while a form renders is attributed to it
  let current = null;
  const capture = (kind) => (err) => {
    if (!current) {
      console.error(`modelcheck: ${kind} outside a form render:`, err);
      process.exitCode = 2;
      return;
    }
    current.runtime.push(`${kind}: ${err && err.message ? err.message : String(err)}`);
  };
  process.on('uncaughtException', capture('uncaught exception'));
  process.on('unhandledRejection', capture('unhandled rejection'));
  window.addEventListener('error', (e) => { if (current) current.runtime.push(`window error: ${e.message}`); });
  virtualConsole.on('jsdomError', (e) => {
    if (e.type === 'not-implemented') return; // jsdom limitation (e.g. scrollTo), not a form defect
    if (current) current.runtime.push(`DOM error: ${e.message}`);
  });
  const origError = console.error, origWarn = console.warn;
  console.error = (...args) => current ? current.runtime.push(`console.error: ${args.map(String).join(' ')}`) : origError(...args);
  console.warn = (...args) => current ? current.runtime.push(`console.warn: ${args.map(String).join(' ')}`) : origWarn(...args);

  const formIds = new Map(); // id -> file

  try {
    for (const file of files) {
      const shown = rel(file);
      const text = await readFile(file, 'utf8');

      let schema;
      try {
        schema = JSON.parse(text);
      } catch (e) {
        const offset = jsonErrorOffset(text);
        let where = '';
        if (offset >= 0) {
          const before = text.slice(0, offset);
          where = ` at line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`;
        }
        report(shown, '-', 'json', `invalid JSON${where}: ${e.message}`);
        continue;
      }
      if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
        report(shown, '-', 'schema', 'form schema must be a JSON object');
        continue;
      }

      // form id (what camunda:formRef points at)
      if (typeof schema.id !== 'string' || !schema.id) {
        report(shown, '-', 'form-id', 'form has no "id": camunda:formRef cannot reference it');
      } else if (formIds.has(schema.id)) {
        report(shown, schema.id, 'form-id', `duplicate form id, also used by ${formIds.get(schema.id)}`);
      } else {
        formIds.set(schema.id, shown);
      }
      if (typeof schema.schemaVersion === 'number' && schema.schemaVersion > FORM_JS_SCHEMA_VERSION) {
        report(shown, schema.id, 'schema-version',
          `schemaVersion ${schema.schemaVersion} is newer than form-js 1.8.7 understands (${FORM_JS_SCHEMA_VERSION}); features added later may be ignored by Tasklist`, 'warning');
      }

      // unknown component types (form-js stops at the first one; list them all)
      const unknownTypes = new Set();
      if (schema.type !== 'default') {
        report(shown, schema.id, 'form-js/unknown-type', `root type must be "default", is <${schema.type}>`);
        unknownTypes.add(String(schema.type));
      }
      const expected = new Map(); // type -> [ids]
      walkComponents(schema.components, (c, ctx) => {
        if (!registry.get(c.type)) {
          report(shown, c.id, 'form-js/unknown-type', `component type <${c.type}> is not supported by form-js 1.8.7`);
          unknownTypes.add(String(c.type));
        } else if (!ctx.skipRender && c.type !== 'expression' && !(c.conditional && c.conditional.hide)) {
          if (!expected.has(c.type)) expected.set(c.type, []);
          expected.get(c.type).push(c.id || '(no id)');
        }
      });

      // real import + render
      const container = document.createElement('div');
      document.body.appendChild(container);
      current = { runtime: [] };
      let form;
      try {
        form = new Form({ container });
        const { warnings = [] } = await form.importSchema(schema, {});
        for (const w of warnings) {
          report(shown, schema.id, 'form-js/import-warning', w && w.message ? w.message : String(w));
        }
        await sleep(20); // let preact flush pending renders and effects
        await sleep(0);

        if (!container.querySelector('form.fjs-form')) {
          report(shown, schema.id, 'form-js/render', 'form did not render (no <form class="fjs-form">)');
        } else {
          for (const [ type, ids ] of expected) {
            const found = container.querySelectorAll(`.fjs-form-field-${type}`).length;
            if (found < ids.length) {
              report(shown, ids.join(','), 'form-js/render', `${ids.length} <${type}> component(s) in schema, ${found} rendered`);
            }
          }
        }
      } catch (e) {
        const m = /form field of type <(.*)> not supported/.exec(e.message);
        const listed = m && problems.find(p => p.file === shown && p.rule === 'form-js/unknown-type' && p.message.includes(`<${m[1]}>`));
        if (listed) {
          // already listed by the walk above; record that form-js itself refused the schema
          listed.message += ` (form-js importSchema failed: ${e.message})`;
        } else {
          report(shown, componentIdFor(schema, e.message), 'form-js/import', e.message);
        }
      } finally {
        await sleep(0);
        for (const msg of current.runtime) report(shown, schema.id, 'form-js/runtime', msg);
        current = null;
        try { form && form.destroy(); } catch { /* ignore */ }
        container.remove();
      }
    }
  } finally {
    console.error = origError;
    console.warn = origWarn;
  }
  return formIds;
}

// ---------------------------------------------------------------- run

try {
  await lintBpmn(bpmnFiles);
  await checkDmn(dmnFiles);
  const formIds = await renderForms(formFiles);

  if (opts.formRefs) {
    for (const { file, id, formRef } of formRefs) {
      if (/^\s*[$#]\{/.test(formRef)) continue; // expression, resolved at runtime
      if (!formIds.has(formRef)) {
        report(file, id, 'form-ref', `camunda:formRef="${formRef}" but no checked .form file has that id`);
      }
    }
  }
} catch (e) {
  console.error('modelcheck: internal error:', e && e.stack || e);
  process.exit(2);
}

// group by file (stable: keeps each file's own order)
problems.sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

const failing = problems.filter(p => p.severity === 'error' || opts.strict);
const warnings = problems.filter(p => !failing.includes(p));
for (const p of problems) {
  const tag = failing.includes(p) ? '' : ' (warning)';
  console.log(`${p.file}: ${p.id}: ${p.rule}: ${p.message}${tag}`);
}
const plural = (n, w) => `${n} ${w}${n === 1 ? '' : 's'}`;
const warnText = warnings.length ? `, ${plural(warnings.length, 'warning')}` : '';
const dmnText = dmnFiles.length ? `, ${dmnFiles.length} dmn` : '';
console.log(`modelcheck: ${bpmnFiles.length} bpmn${dmnText}, ${plural(formFiles.length, 'form')}, ${plural(failing.length, 'problem')}${warnText}`);

process.exit(failing.length ? 1 : (process.exitCode || 0));
