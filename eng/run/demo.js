#!/usr/bin/env node
// Small helpers for run.sh that need JSON or MIME parsing (node is already required by Azurite; no jq/python).
//
//   node eng/run/demo.js pending <since-iso> <blob>...   stdin: `pmg status --json`. Prints the blobs not yet
//                                                         ingested since <since-iso> (none printed = all done).
//   node eng/run/demo.js missed <seconds> <blob>...      stdin: `pmg status --json`. The blobs listed as unprocessed
//                                                         ("sin procesar") for at least <seconds>.
//   node eng/run/demo.js outcome <since-iso> <blob>...   stdin: `pmg status --json`. One line per blob: how it ended.
//   node eng/run/demo.js national <service> <year>       stdin: `pmg status --json`. The national line, one row.
//   node eng/run/demo.js invalid                         stdin: `pmg validate FILE --json`. Why a programme is INVALIDO.
//   node eng/run/demo.js mail <dir> [<since-iso>]        the .eml files in <dir>: time, recipient, subject.
'use strict';

const fs = require('fs');
const path = require('path');

function readStdin() {
  return fs.readFileSync(0, 'utf8');
}

function parseStatus(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// Where a blob uploaded at or after `since` ended up: a region's current form, or a refused/failed upload.
// A form that was ingested but is not (or no longer) current shows in neither list; run.sh waits for each
// upload before the next one of the same region, so that does not happen in the demonstration.
function find(status, since, blob) {
  for (const serviceYear of status.serviceYears || []) {
    for (const region of serviceYear.regions || []) {
      if (region.blobName === blob && Date.parse(region.uploadedAt) >= since) {
        const programs = (region.programs || [])
          .map((p) => `${p.section} ${p.performance === null ? '—' : percent(p.performance)} ${p.status}`)
          .join(', ');
        return `vigente en ${region.region.name} (${region.region.code}): ${programs}`;
      }
    }
  }
  for (const problem of status.problems || []) {
    if (problem.blobName === blob && Date.parse(problem.uploadedAt) >= since) {
      const word = problem.outcome === 'failed' ? 'FALLIDO' : 'RECHAZADO';
      return `${word}: ${(problem.reasons || []).join(' | ')}`;
    }
  }
  return null;
}

// RFC 2047 encoded words (=?utf-8?B?...?= / =?utf-8?Q?...?=) in a header value.
function decodeHeader(value) {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset, encoding, text) => {
      const bytes = encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (__, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
      try {
        return new TextDecoder(charset.toLowerCase()).decode(bytes);
      } catch {
        return bytes.toString('utf8');
      }
    });
}

function headers(file) {
  const text = fs.readFileSync(file, 'utf8');
  const end = text.search(/\r?\n\r?\n/);
  const head = (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const result = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!(name in result)) {
        result[name] = decodeHeader(line.slice(colon + 1).trim());
      }
    }
  }
  return result;
}

// 96 → "96,00 %", as pmg writes a performance (two decimals, decimal comma).
function percent(value) {
  return `${decimal(value)} %`;
}

function decimal(value) {
  return value.toFixed(2).replace('.', ',');
}

function listMail(dir, since) {
  if (!fs.existsSync(dir)) {
    console.log(`  (aún no hay correos: ${dir} no existe)`);
    return;
  }
  const files = fs.readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.eml'))
    .map((name) => ({ file: path.join(dir, name), time: fs.statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => a.time - b.time || a.file.localeCompare(b.file));
  if (files.length === 0) {
    console.log(`  (aún no hay correos en ${dir})`);
    return;
  }
  let fresh = 0;
  for (const { file, time } of files) {
    const h = headers(file);
    const date = new Date(time);
    const isNew = time >= since;
    fresh += isNew ? 1 : 0;
    // Chile's time, as everything else the demonstration shows, whatever the machine's zone.
    const stamp = date.toLocaleTimeString('es-CL', { timeZone: 'America/Santiago', hour12: false });
    console.log(`  ${isNew ? '*' : ' '} ${stamp}  ${(h.to || '?').padEnd(36)}  ${h.subject || '(sin asunto)'}`);
  }
  const shown = path.relative(process.cwd(), dir) || dir;
  console.log(`  ${files.length} correo(s) en ${shown}; ${fresh} escrito(s) en esta ejecución (marcados con *).`);
  console.log(`  El más reciente: ${path.relative(process.cwd(), files[files.length - 1].file)}`);
}

const [command, ...args] = process.argv.slice(2);
switch (command) {
  case 'pending': {
    const status = parseStatus(readStdin());
    const since = Date.parse(args[0]);
    const blobs = args.slice(1);
    const pending = status === null ? blobs : blobs.filter((blob) => find(status, since, blob) === null);
    if (pending.length > 0) {
      console.log(pending.join(' '));
    }
    break;
  }
  case 'missed': {
    // Blobs of <blob>... that `pmg status` lists as unprocessed for at least <seconds>: the trigger missed them.
    const status = parseStatus(readStdin()) || {};
    const seconds = Number(args[0]);
    const blobs = new Set(args.slice(1));
    const missed = (status.unprocessed || []).filter((u) => blobs.has(u.blobName) && u.waitingSeconds >= seconds);
    if (missed.length > 0) {
      console.log(missed.map((u) => u.blobName).join(' '));
    }
    break;
  }
  case 'outcome': {
    const status = parseStatus(readStdin()) || {};
    const since = Date.parse(args[0]);
    for (const blob of args.slice(1)) {
      console.log(`  ${blob}\n      → ${find(status, since, blob) || 'todavía no procesado'}`);
    }
    break;
  }
  case 'national': {
    const status = parseStatus(readStdin()) || {};
    const [service, year] = args;
    const serviceYear = (status.serviceYears || []).find((s) => s.service.toUpperCase() === service.toUpperCase() && String(s.year) === year);
    if (!serviceYear) {
      console.log(`Resultado nacional ${service} ${year}: sin formularios vigentes`);
      process.exitCode = 1;
      break;
    }
    const programs = serviceYear.national.programs
      .map((p) => `${p.section} ${p.status} (${p.complying} de ${p.regions} regiones cumplen)`)
      .join('; ');
    console.log(`Resultado nacional ${serviceYear.service} ${serviceYear.year}: ${programs}`);
    break;
  }
  case 'invalid': {
    // stdin: `pmg validate FILE --json`. Why each INVALIDO programme is INVALIDO.
    const files = parseStatus(readStdin()) || [];
    for (const file of files) {
      const invalid = (file.programs || []).filter((p) => p.status === 'INVALIDO');
      if (invalid.length === 0) {
        continue;
      }
      console.log(`  ${file.file} es un formulario de mitad de año: sus ponderaciones todavía no suman 100.`);
      for (const p of invalid) {
        console.log(`      ${p.section} INVALIDO: las ponderaciones suman ${decimal(p.weightTotal)}; deben sumar 100.`);
      }
      console.log('  Sin ponderaciones válidas no hay desempeño que calcular; los formularios de cierre sí suman 100.');
    }
    break;
  }
  case 'mail':
    listMail(args[0], args[1] ? Date.parse(args[1]) : 0);
    break;
  default:
    console.error('usage: demo.js pending|outcome <since> <blob>... | national <service> <year> | mail <dir> [<since>]');
    process.exitCode = 2;
}
