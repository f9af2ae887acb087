import type { Debunk } from '../debunks/schema.js';
import { Engine } from '../engine/engine.js';
import { FeedbackQueue } from '../feedback/feedbackQueue.js';
import { openLedgerBackend, type OpenLedgerOptions } from '../ledger/backends/openLedgerBackend.js';
import { Checkpointer } from '../ledger/checkpoints/checkpointer.js';
import { Ledger } from '../ledger/ledger.js';
import { reconnectingBackend } from '../ledger/reconnectingBackend.js';
import { Recorder } from '../ledger/recorder.js';
import { Spool, type SpoolOptions } from '../ledger/spool.js';
import type { Logger } from '../lib/logger.js';
import type { GroupSettings } from '../rules/settingsSchema.js';
import type { KeyValueStore } from '../store/keyValueStore.js';
import { openStore, type OpenedStore, type OpenStoreOptions } from '../store/openStore.js';
import { parseStoreUrl } from '../store/storeUrl.js';
import { watchStoreFile } from '../store/storeFileWatch.js';
import { checkSchemaVersion } from '../store/schemaVersion.js';
import { ImageReader } from '../ocr/imageReader.js';
import { ocrInstalled } from '../ocr/languageData.js';
import { DEFAULT_OCR_OPTIONS, type OcrOptions } from '../ocr/ocrOptions.js';
import { TesseractPool } from '../ocr/tesseractPool.js';
import { Moderator } from './moderator.js';
import { DebunkLibrary } from '../review/debunkLibrary.js';
import { GroupExclusions } from '../review/groupExclusions.js';
import { Review } from '../review/review.js';
import { OperatorAlerts } from '../alerts/operatorAlerts.js';
import { DigestScheduler } from '../digest/digestScheduler.js';
import { SpreadTracker, type SpreadOptions } from '../alerts/spreadTracker.js';
import { waitAtMost } from '../lib/waitAtMost.js';
import { Cooldown } from '../lib/cooldown.js';

/** Where the core keeps its state and how it reports, as `npm start` reads them from the environment. */
export interface CoreOptions {
  debunks: readonly Debunk[];
  rules: { raw: unknown; settings: GroupSettings };
  /** STORE_URL: settings, strikes, the feedback queue and the ledger. */
  storeUrl: string;
  /** SPOOL_FILE: the ledger's write-ahead log on this machine. */
  spoolFile: string;
  spool?: Omit<SpoolOptions, 'onDamagedLine'>;
  /** LEDGER_KEY_FILE and LEDGER_CHECKPOINT_FILE; without them no checkpoints are signed. */
  signing?: { keyFile: string; checkpointFile: string };
  /** LEDGER_TEXT_DAYS */
  textDays?: number;
  /**
   * Names of its own on a shared server (keyv namespace and table, ledger table or key prefix):
   * for benchmarks and tests, never for the bot, whose names are the defaults.
   */
  isolation?: { store?: OpenStoreOptions; ledger?: OpenLedgerOptions };
  log: Logger;
  /** OPERATOR_IDS: `platform:userId` of the bot's operators (global retire, cross-group alerts). */
  operatorIds?: readonly string[];
  /** When an unknown rumor spreading across groups alerts the operators. @defaultValue SPREAD_DEFAULTS */
  spread?: SpreadOptions;
  /** REVIEW_SHARES: whose accepted reports serve every group. @defaultValue 'all' */
  reviewShares?: 'all' | 'operators';
  /** How often review's debunks written by other processes are looked for. @defaultValue LIBRARY_POLL_MS */
  libraryPollMs?: number;
  /** How often a SQLite store's file is checked for having been deleted or replaced (see watchStoreFile). */
  storeFileCheckMs?: number;
  /**
   * Reading the text in pictures (OCR_* variables); `off` never reads them. Pictures are read
   * only where tesseract.js and its language data are installed. @defaultValue on, the defaults
   */
  ocr?: Partial<OcrOptions> | 'off';
}

/** The platform-free core, wired: what the playground, the platforms and the benches run on. */
export interface Core {
  engine: Engine;
  moderator: Moderator;
  ledger: Ledger;
  recorder: Recorder;
  spool: Spool;
  store: KeyValueStore;
  /** The database the engine matches: files, feeds and review's debunks, swapped in on change. */
  library: DebunkLibrary;
  /** Per-group retired debunks and false positives. */
  exclusions: GroupExclusions;
  review: Review;
  /** Alerts to the operators (OPERATOR_IDS) through the connected platforms, and the log. */
  operators: OperatorAlerts;
  /** The weekly digests to owners who opted in. */
  digests: DigestScheduler;
  checkpointer?: Checkpointer;
  /** Reads the text in pictures; absent when OCR is off or not installed. */
  images?: ImageReader;
  /** Delivers what waits (as far as the store lets it), signs the heads, closes the files and connections. */
  close(): Promise<void>;
  /** Closes the key-value store alone, as an outage would (for outage drills and tests). */
  closeStore(): Promise<void>;
}

/**
 * Opens the store (checking its schema), the ledger (which reconnects by itself after an outage;
 * meanwhile records wait in the spool), the spool and the signing key, and wires the engine, the
 * recorder and the moderator the way `npm start` runs them. Records a previous run could not
 * deliver are delivered first. An ordinary failure (store unreachable, key file unreadable) is a
 * value with a sentence to show, never a stack trace.
 */
export async function createCore(options: CoreOptions): Promise<{ ok: true; core: Core } | { ok: false; error: string }> {
  const { log } = options;
  let opened: OpenedStore;
  try {
    opened = await openStore(options.storeUrl, options.isolation?.store);
  } catch (error) {
    // StoreError messages name the backend and redact the password.
    return { ok: false, error: `${(error as Error).message}\nSet STORE_URL in .env (see .env.example).` };
  }
  const target = parseStoreUrl(options.storeUrl);
  const fileWatch =
    target.ok && target.target.backend === 'sqlite' ? await watchStoreFile(target.target.file, (why) => log.error(why), options.storeFileCheckMs) : undefined;
  const schema = await checkSchemaVersion(opened.store).catch((error: Error) => ({ ok: false as const, message: error.message }));
  if (!schema.ok) {
    fileWatch?.stop();
    await opened.close();
    return { ok: false, error: schema.message };
  }
  const ledgerBackend = reconnectingBackend(() => openLedgerBackend(options.storeUrl, options.isolation?.ledger));
  let checkpointer: Checkpointer | undefined;
  if (options.signing) {
    const signing = await Checkpointer.open({ ...options.signing, backend: ledgerBackend, warn: (message) => log.warn(message) });
    if (!signing.ok) {
      fileWatch?.stop();
      await ledgerBackend.close();
      await opened.close();
      return { ok: false, error: signing.error };
    }
    checkpointer = signing.checkpointer;
    if (signing.keyCreated) log.info(`ledger: new signing key ${checkpointer.keyId} in ${options.signing.keyFile}; back it up`);
  }
  const exclusions = new GroupExclusions(opened.store);
  const engine = new Engine({ debunks: options.debunks, rules: options.rules, store: opened.store, exclusions });
  const library = new DebunkLibrary(engine, opened.store, options.debunks);
  await library.start(options.libraryPollMs);
  const ledger = new Ledger(ledgerBackend, {
    ...(options.textDays === undefined ? {} : { textDays: options.textDays }),
    ...(checkpointer ? { checkpoints: checkpointer } : {}),
    warn: (message) => log.warn(message),
  });
  const spool = new Spool(options.spoolFile, {
    ...options.spool,
    onDamagedLine: (line, reason) => log.error({ file: options.spoolFile, line }, `ledger spool: line ${line} is ${reason}; it is skipped`),
  });
  const spoolComplaints = new Cooldown(60_000, Date.now);
  const recorder = new Recorder(ledger, spool, {
    onDelivered: (entries) => checkpointer?.delivered(entries),
    onGroupStuck: (groupId, error) =>
      log.error({ group: groupId, err: error }, `ledger: group ${groupId} cannot be appended to; its records stay in the spool and are tried again, the other groups go on`),
    onGroupRecovered: (groupId) => log.info({ group: groupId }, `ledger: group ${groupId} is written to again`),
    // Once a minute at most: every message would say it again.
    onSpoolFailed: (error, lost) => {
      if (!spoolComplaints.take(lost ? 'lost' : 'direct')) return;
      if (lost) log.error({ err: error }, 'ledger: the spool file cannot be written and the store refused the record too: it is lost (free disk space or fix the folder)');
      else log.error({ err: error }, 'ledger: the spool file cannot be written (free disk space or fix the folder); records go to the store directly, and a store outage now would lose them');
    },
  });
  const operators = new Set(options.operatorIds ?? []);
  if (spool.waiting > 0) log.info({ waiting: spool.waiting }, 'ledger: delivering records an earlier run left in the spool');
  // Records a previous run could not deliver go first; a store that is down keeps them waiting.
  await recorder.flush();
  const moderator = new Moderator(engine, recorder, new FeedbackQueue(opened.store), Date.now, (error, incident) =>
    log.error({ err: error, group: incident.groupId, message: incident.messageId }, 'ledger: the outcome of an incident could not be recorded'),
  );
  const digests = new DigestScheduler({ store: opened.store, ledger, engine, ports: moderator.reviewPorts, sink: recorder });
  digests.start();
  const review = new Review({
    digests,
    engine,
    feedback: moderator.feedback!,
    library,
    exclusions,
    sink: recorder,
    ports: moderator.reviewPorts,
    track: (task) => moderator.track(task),
    isOperator: (platform, userId) => operators.has(`${platform}:${userId}`),
    sharesEverywhere: (platform, userId) => options.reviewShares !== 'operators' || operators.has(`${platform}:${userId}`),
  });
  moderator.review = review;
  moderator.library = library;
  const operatorAlerts = new OperatorAlerts(options.operatorIds ?? [], moderator.reviewPorts, log);
  moderator.spread = new SpreadTracker(opened.store, (text) => operatorAlerts.alert('spread', text), options.spread);
  const images = startImageReader(options);
  if (images) {
    moderator.readImagesWith(images, (message, source, skipped) =>
      log.warn({ group: message.groupId, message: message.messageId, image: source.label, reason: skipped.reason, detail: skipped.detail }, `images: picture skipped (${skipped.reason})`),
    );
  }
  /** What close() waits at most for actions still under way (see there). */
  const CLOSE_GRACE_MS = 5_000;
  let closing: Promise<void> | undefined;
  const close = async () => {
    fileWatch?.stop();
    library.close();
    digests.close();
    await images?.close();
    // The adapters gave what was under way its grace already; an action whose platform request
    // still waits (a 429's retry_after inside the platform's library) keeps no outcome record
    // rather than holding the shutdown past what a process manager allows.
    await waitAtMost(moderator.settled(), CLOSE_GRACE_MS);
    await recorder.flush();
    recorder.stop();
    await spool.close();
    await checkpointer?.close();
    await ledgerBackend.close();
    await opened.close();
    if (spool.waiting > 0) log.warn({ waiting: spool.waiting }, `ledger: ${spool.waiting} record(s) wait in the spool for the next start; store closed`);
    else log.info('ledger: every record delivered; store closed');
  };
  return {
    ok: true,
    core: {
      engine,
      moderator,
      library,
      exclusions,
      review,
      operators: operatorAlerts,
      digests,
      ledger,
      recorder,
      spool,
      store: opened.store,
      ...(checkpointer ? { checkpointer } : {}),
      ...(images ? { images } : {}),
      close: () => (closing ??= close()),
      closeStore: () => opened.close(),
    },
  };
}

/** The picture reader, when OCR is on and installed (said once in the log either way). */
function startImageReader(options: CoreOptions): ImageReader | undefined {
  if (options.ocr === 'off') return undefined;
  const ocr = { ...DEFAULT_OCR_OPTIONS, ...options.ocr };
  if (!ocrInstalled(ocr.languages)) {
    options.log.warn(`images: OCR is not installed (tesseract.js and @tesseract.js-data/{${ocr.languages.split('+').join(',')}}); pictures are not read`);
    return undefined;
  }
  return new ImageReader(new TesseractPool(ocr.workers, ocr.languages), ocr);
}
