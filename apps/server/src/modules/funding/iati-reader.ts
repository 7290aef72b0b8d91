import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTag } from 'saxes';
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import type { FileProblem } from '@mesa/shared';

/**
 * The streaming IATI reader (docs/funding.md, "IATI"): reads an `iati-activities` file chunk by
 * chunk with saxes (no DOM), keeping only what the import needs of each activity. It refuses a
 * DOCTYPE at its event (saxes never expands entities of an internal subset, and an entity
 * reference it does not know is an error: no XXE, no billion laughs), a file larger than the
 * limit, broken XML, a root that is not `iati-activities` (or the lone `iati-activity` of the
 * 1.0 drafts) and a version Mesa does not read. Its bytes are kept (bounded by the limit) so a
 * 2.x file can be validated against the XSD afterwards.
 */

/** A file refused whole: nothing is stored. */
export class IatiFileError extends Error {
  constructor(
    readonly statusCode: 400 | 413,
    message: string,
    readonly problems: FileProblem[] = [],
  ) {
    super(message);
  }
}

/** Text in a language (`xml:lang`, or null when none is given). */
interface Narrative {
  lang: string | null;
  text: string;
}

/** An organization reference as a file gives it. */
export interface RawOrg {
  ref: string | null;
  name: string | null;
}

/** A transaction as read, before any mapping. */
export interface RawTransaction {
  line: number;
  ref: string | null;
  /** `transaction-type/@code` (2.x numbers, 1.x letters), or the 1.0 draft's `@type`. */
  typeCode: string | null;
  /** The 1.0 draft's `@flow` (incoming, outgoing), if any. */
  flow: string | null;
  transactionDate: string | null;
  value: string | null;
  valueCurrency: string | null;
  valueDate: string | null;
  provider: RawOrg | null;
  receiver: RawOrg | null;
  description: string | null;
}

/** An activity as read. */
export interface RawActivity {
  line: number;
  identifier: string;
  title: string;
  defaultCurrency: string | null;
  reportingOrg: RawOrg | null;
  transactions: RawTransaction[];
}

/** What the reader gives back. */
export interface IatiFile {
  /** The version the file declares ("1.0" when it declares none). */
  version: string;
  activities: RawActivity[];
  /** The whole file, for XSD validation of 2.x files. */
  bytes: Buffer;
}

const VERSION = /^(1\.\d{1,2}|2\.0\d)$/;

function pick(narratives: Narrative[]): string | null {
  const withText = narratives
    .map((n) => ({ ...n, text: n.text.replace(/\s+/g, ' ').trim() }))
    .filter((n) => n.text !== '');
  const chosen =
    withText.find((n) => n.lang?.toLowerCase().startsWith('en')) ??
    withText.find((n) => n.lang === null) ??
    withText[0];
  return chosen?.text ?? null;
}

function attr(tag: SaxesTag, name: string): string | null {
  const value = tag.attributes[name];
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Elements whose text (direct, or in narrative children) is collected. */
const TEXT_ELEMENTS = new Set([
  'iati-activity/iati-identifier',
  'iati-activity/title',
  'iati-activity/reporting-org',
  'transaction/provider-org',
  'transaction/receiver-org',
  'transaction/description',
  'transaction/value',
]);

interface OpenElement {
  name: string;
  lang: string | null;
  /** Where this element's text goes, if anywhere. */
  text: Narrative[] | null;
}

/**
 * Reads a file from a stream of chunks. Throws IatiFileError (400, or 413 past `maxBytes`:
 * reading stops there) for a file refused whole.
 */
export async function readIatiFile(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  maxBytes: number,
): Promise<IatiFile> {
  const parser = new SaxesParser({ position: true });
  const decoder = new StringDecoder('utf8');
  const chunks: Buffer[] = [];
  let size = 0;
  const state: { failure: IatiFileError | null } = { failure: null };
  let version: string | null = null;
  let rootSeen = false;
  const activities: RawActivity[] = [];
  const stack: OpenElement[] = [];
  let activity: (RawActivity & { titles: Narrative[]; identifierParts: Narrative[] }) | null = null;
  let transaction: RawTransaction | null = null;
  let orgParts: Narrative[] | null = null;
  let descriptionParts: Narrative[] | null = null;
  let valueParts: Narrative[] | null = null;

  const fail = (error: IatiFileError) => {
    state.failure ??= error;
  };

  parser.on('error', (err) => {
    const message = err.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    fail(
      new IatiFileError(400, `The file is not well-formed XML (line ${parser.line}): ${message}.`, [
        { line: Math.max(1, parser.line), message },
      ]),
    );
  });
  parser.on('doctype', () => {
    fail(
      new IatiFileError(
        400,
        `The file declares a DOCTYPE (line ${parser.line}); IATI files have none, and Mesa reads no DTD or entity declarations.`,
        [{ line: Math.max(1, parser.line), message: 'DOCTYPE or ENTITY declaration refused' }],
      ),
    );
  });
  parser.on('opentag', (tag) => {
    if (state.failure) return;
    const parent = stack[stack.length - 1];
    const lang = attr(tag, 'xml:lang') ?? parent?.lang ?? null;
    const line = Math.max(1, parser.line);
    let text: Narrative[] | null = null;
    if (!rootSeen) {
      rootSeen = true;
      if (tag.name === 'iati-activities') {
        const declared = attr(tag, 'version');
        version = declared ?? '1.0';
        if (!VERSION.test(version)) {
          fail(
            new IatiFileError(
              400,
              `IATI version ${version} is not one Mesa reads: send a 1.0x or 2.0x file.`,
              [{ line, message: `version ${version}` }],
            ),
          );
        }
      } else if (tag.name === 'iati-activity') {
        // The 1.0 drafts (the standard's worked example) had one activity as the root.
        version = '1.0';
      } else {
        fail(
          new IatiFileError(
            400,
            `The file's root element is <${tag.name}>, not <iati-activities>: it is not an IATI activity file.`,
            [{ line, message: `root element ${tag.name}` }],
          ),
        );
        return;
      }
    }
    const key = parent ? `${parent.name}/${tag.name}` : tag.name;
    if (tag.name === 'iati-activity' && (!parent || parent.name === 'iati-activities')) {
      activity = {
        line,
        identifier: '',
        title: '',
        defaultCurrency: attr(tag, 'default-currency'),
        reportingOrg: null,
        transactions: [],
        titles: [],
        identifierParts: [],
      };
    } else if (activity && key === 'iati-activity/transaction') {
      transaction = {
        line,
        ref: attr(tag, 'ref'),
        typeCode: attr(tag, 'type'),
        flow: attr(tag, 'flow'),
        transactionDate: null,
        value: null,
        valueCurrency: null,
        valueDate: null,
        provider: null,
        receiver: null,
        description: null,
      };
    } else if (transaction && key === 'transaction/transaction-type') {
      transaction.typeCode = attr(tag, 'code') ?? transaction.typeCode;
    } else if (transaction && key === 'transaction/transaction-date') {
      transaction.transactionDate = attr(tag, 'iso-date');
    } else if (transaction && key === 'transaction/value') {
      transaction.valueCurrency = attr(tag, 'currency');
      transaction.valueDate = attr(tag, 'value-date');
      valueParts = [];
      text = valueParts;
    } else if (TEXT_ELEMENTS.has(key)) {
      if (key === 'iati-activity/iati-identifier' && activity) text = activity.identifierParts;
      else if (key === 'iati-activity/title' && activity) text = activity.titles;
      else if (key === 'transaction/description') text = descriptionParts = [];
      else {
        orgParts = [];
        text = orgParts;
        const org: RawOrg = { ref: attr(tag, 'ref'), name: null };
        if (key === 'iati-activity/reporting-org' && activity) activity.reportingOrg = org;
        if (key === 'transaction/provider-org' && transaction) transaction.provider = org;
        if (key === 'transaction/receiver-org' && transaction) transaction.receiver = org;
      }
    } else if (tag.name === 'narrative' && parent?.text) {
      // Text inside a narrative goes to its parent's list as its own language part.
      parent.text.push({ lang, text: '' });
      text = parent.text;
      stack.push({ name: tag.name, lang, text });
      return;
    }
    if (text) text.push({ lang, text: '' });
    stack.push({ name: tag.name, lang, text });
  });
  const onText = (value: string) => {
    const top = stack[stack.length - 1];
    const last = top?.text?.[top.text.length - 1];
    if (last) last.text += value;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    stack.pop();
    if (state.failure) return;
    const parent = stack[stack.length - 1];
    const key = parent ? `${parent.name}/${tag.name}` : tag.name;
    if (
      tag.name === 'iati-activity' &&
      activity &&
      (!parent || parent.name === 'iati-activities')
    ) {
      const { titles, identifierParts, ...rest } = activity;
      activities.push({
        ...rest,
        identifier: pick(identifierParts) ?? '',
        title: pick(titles) ?? '',
      });
      activity = null;
    } else if (key === 'iati-activity/transaction' && activity && transaction) {
      activity.transactions.push(transaction);
      transaction = null;
    } else if (transaction && key === 'transaction/value') {
      transaction.value =
        (valueParts ?? [])
          .map((p) => p.text)
          .join('')
          .trim() || null;
      valueParts = null;
    } else if (transaction && key === 'transaction/description') {
      transaction.description = pick(descriptionParts ?? []);
      descriptionParts = null;
    } else if (
      key === 'iati-activity/reporting-org' ||
      key === 'transaction/provider-org' ||
      key === 'transaction/receiver-org'
    ) {
      const org =
        key === 'iati-activity/reporting-org'
          ? activity?.reportingOrg
          : key === 'transaction/provider-org'
            ? transaction?.provider
            : transaction?.receiver;
      if (org) org.name = pick(orgParts ?? []);
      orgParts = null;
    }
  });

  for await (const chunk of source) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > maxBytes) {
      throw new IatiFileError(
        413,
        `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, the most an IATI import accepts: split it by activity and upload the parts.`,
      );
    }
    chunks.push(buffer);
    if (!state.failure) parser.write(decoder.write(buffer));
    // Reading goes on after a refusal only to drain the upload (up to the limit).
  }
  if (!state.failure) parser.write(decoder.end());
  if (!state.failure) parser.close();
  if (state.failure) throw state.failure;
  if (!rootSeen || version === null) {
    throw new IatiFileError(400, 'The file is empty or is not XML.', [
      { line: 1, message: 'no root element' },
    ]);
  }
  return { version, activities, bytes: Buffer.concat(chunks, size) };
}

/** The IATI 2.03 schema files (one folder: the activities schema includes the other two). */
const SCHEMA_FILES = ['iati-activities-schema.xsd', 'iati-common.xsd', 'xml.xsd'] as const;

// Beside this module in the sources; build.mjs copies the folder beside dist/main.js.
const schemaFolder = new URL('./iati-schema/', import.meta.url);
let schemas: { fileName: string; contents: string }[] | null = null;

function loadSchemas() {
  schemas ??= SCHEMA_FILES.map((fileName) => ({
    fileName,
    contents: readFileSync(new URL(fileName, schemaFolder), 'utf8'),
  }));
  return schemas;
}

/** At most this many schema errors are reported (a broken file can have thousands). */
const MAX_SCHEMA_PROBLEMS = 50;

/**
 * The schema's complaints about a 2.x file, line by line (empty when it validates). xmllint
 * runs in-process as WebAssembly in a worker thread, with no network (`--nonet`) and the file
 * and schemas in its memory only.
 */
export async function schemaProblems(bytes: Buffer): Promise<FileProblem[]> {
  const [main, ...preload] = loadSchemas();
  const result = await validateXML({
    xml: [{ fileName: 'upload.xml', contents: bytes }],
    schema: [main!],
    preload,
    // 16 MiB pages first; a 20 MB file with its tree needs a few hundred MiB at most.
    initialMemoryPages: 256,
    maxMemoryPages: 16 * 1024,
    modifyArguments: (args) => ['--nonet', ...args],
  });
  if (result.valid) return [];
  return result.errors.slice(0, MAX_SCHEMA_PROBLEMS).map((e) => ({
    line: Math.max(1, e.loc?.lineNumber ?? 1),
    message: e.message.replace(/^Schemas validity error\s*:\s*/, '').trim(),
  }));
}
