// The district page's web worker (全区对照, #/district): reads the files
// the office chose, and checks, scores and ranks them with StarCheck's
// JavaScript module (./starcheck.js, the core built by wasm-bindgen), so
// that the page stays responsive however many files there are. Built
// beside the module into dist/js/ by `cargo xtask dist` (xtask/src/js.rs);
// started by the page as a module worker (app/src/district/worker.rs).
//
// Messages, one load per worker. The page sends its part in small batches
// (handing a thousand files over in one message holds its thread for a
// tenth of a second):
//
//   page → worker  {kind: 'load', total, quotas}  total: files to come;
//                                                 quotas: number[] | null
//                  {kind: 'kept', kept: [{file_name, text}]}
//                                the files the page already holds, in
//                                order, so that the ranking covers the
//                                whole set; a new file for one of their
//                                communities replaces it or is dropped
//                  {kind: 'files', files: File[]}  the chosen files
//   worker → page  {kind: 'ready'}                 the module is loaded
//                  {kind: 'progress', done, total, files}
//                                at most every PROGRESS_MS, and after
//                                the last file; `files` are those taken
//                                since the last message, each as
//                                Cohort.takenForPage gives it, so the
//                                page reads them while this reads on;
//                                where its text is null, `bytes` holds
//                                the file as read (the text in UTF-8)
//                  {kind: 'done', files, duplicates, refused, table,
//                   unread, summary}
//                                Cohort.handOverToPage's answer (see
//                                js/src/lib.rs), the names of files the
//                                browser could not read, and the counts
//                                of the page's summary line
//
// Bytes in messages to the page are transferred, not copied.
//                  {kind: 'failed', message}       the load cannot finish;
//                                                  the page reads the
//                                                  files itself instead
//
// Cancelling needs no message: the page ends the worker.

import init, { Cohort } from './starcheck.js';

const ready = init().then(
  () => self.postMessage({ kind: 'ready' }),
  (error) => {
    self.postMessage({ kind: 'failed', message: `module not loaded: ${error}` });
    throw error;
  },
);

/**
 * Least time between two progress messages, in ms: each one costs the
 * page a render, and a person reads no faster than this.
 */
const PROGRESS_MS = 50;

/** Files read ahead of the one being checked (see readAhead). */
const READ_AHEAD = 128;

/** The load under way: its cohort and the files not yet read. */
let load = null;

self.onmessage = async (event) => {
  const message = event.data;
  try {
    await ready;
    if (message?.kind === 'load') {
      load = start(message);
    } else if (message?.kind === 'kept') {
      message.kept.forEach(({ file_name, text }) => {
        load.cohort.keepForPage(load.kept, file_name, text);
        load.kept += 1;
      });
    } else if (message?.kind === 'files') {
      load.queue.push(...message.files.map((file) => ({ file, bytes: null })));
      load.wake?.();
    }
  } catch (error) {
    self.postMessage({ kind: 'failed', message: String(error?.stack ?? error) });
  }
};

/** Starts reading files as they come; answers once `total` are read. */
function start({ total, quotas }) {
  const state = { cohort: new Cohort(), kept: 0, queue: [], wake: null };
  read(state, total, quotas).then(
    ({ answer, transfer }) => self.postMessage(answer, transfer),
    (error) => self.postMessage({ kind: 'failed', message: String(error?.stack ?? error) }),
  );
  return state;
}

async function read(state, total, quotas) {
  const { cohort } = state;
  try {
    const summary = { files: total, accepted: 0, duplicates: 0, refused: 0 };
    const unread = [];
    let taken = [];
    let shown = -Infinity;
    for (let done = 0; done < total; done += 1) {
      while (state.queue.length === 0) {
        await new Promise((wake) => {
          state.wake = wake;
        });
      }
      readAhead(state.queue);
      const { file, bytes: reading } = state.queue.shift();
      const bytes = await reading;
      if (bytes === null) {
        unread.push(file.name);
        summary.refused += 1;
      } else {
        count(summary, cohort.add(bytes, file.name));
        const given = cohort.takenForPage();
        if (given !== null) {
          if (given.text === null) {
            given.bytes = bytes;
          }
          taken.push(given);
        }
      }
      const now = performance.now();
      if (done + 1 === total || now - shown >= PROGRESS_MS) {
        const message = { kind: 'progress', done: done + 1, total, files: taken };
        const buffers = taken.flatMap(({ data, bytes }) => (bytes ? [data.buffer, bytes.buffer] : [data.buffer]));
        self.postMessage(message, buffers);
        taken = [];
        shown = now;
      }
    }

    const handed = cohort.handOverToPage(quotas ?? null);
    if (handed.ok === false) {
      throw new Error(`${handed.code}: ${handed.message}`);
    }
    const bytes = [handed.table.Ok?.rest, ...(handed.table.Ok?.rows ?? [])];
    const transfer = bytes.filter((b) => b instanceof Uint8Array).map((b) => b.buffer);
    return { answer: { kind: 'done', ...handed, unread, summary }, transfer };
  } finally {
    cohort.free();
  }
}

/**
 * Starts reading the next READ_AHEAD files of `queue`, those not yet
 * started: a chosen file is read through the browser's own process, and
 * reads one after another wait on each other far longer than the core
 * takes to check a file. Each entry's `bytes` becomes a promise of a
 * Uint8Array, or of null when the browser cannot read the file.
 */
function readAhead(queue) {
  for (const entry of queue.slice(0, READ_AHEAD)) {
    entry.bytes ??= entry.file.arrayBuffer().then(
      (buffer) => new Uint8Array(buffer),
      () => null,
    );
  }
}

/** The page's counts: a replacing file is both accepted and a duplicate. */
function count(summary, added) {
  if (!added.ok) {
    summary.refused += 1;
  } else if (added.duplicate === null) {
    summary.accepted += 1;
  } else {
    summary.duplicates += 1;
    if (added.duplicate.replaced) {
      summary.accepted += 1;
    }
  }
}
