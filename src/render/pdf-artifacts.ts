/**
 * Marks what Chromium paints outside the tagged structure as Artifact (PDF/UA-1 7.1): the page-margin
 * boxes (classification, "Pagina X van N"), the contents' dotted leaders, table borders and cell
 * backgrounds. Chromium wraps every tagged piece of content in `BDC … EMC`; whatever it paints at
 * marked-content depth 0 belongs to no structure element, so it is decoration by construction.
 * Works on one decoded content stream and only inserts `/Artifact BMC` and `EMC` between graphics
 * objects (never inside a text object or a path), leaving every other byte as it was.
 */

const enum Ch {
  Space = 0x20,
  Percent = 0x25,
  OpenParen = 0x28,
  CloseParen = 0x29,
  Slash = 0x2f,
  Less = 0x3c,
  Greater = 0x3e,
  OpenBracket = 0x5b,
  CloseBracket = 0x5d,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
  Backslash = 0x5c,
}

function isWhite(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
}

function isDelimiter(c: number): boolean {
  return (
    c === Ch.OpenParen || c === Ch.CloseParen || c === Ch.Less || c === Ch.Greater || c === Ch.OpenBracket || c === Ch.CloseBracket ||
    c === Ch.OpenBrace || c === Ch.CloseBrace || c === Ch.Slash || c === Ch.Percent
  );
}

interface Operation {
  op: string;
  /** Where the operation's first operand (or the operator itself) starts. */
  start: number;
  /** Just after the operator. */
  end: number;
  /** Whether an operand holds a marked-content identifier (tagged content). */
  mcid: boolean;
}

/** The bytes as a string; a loop, because spreading a subarray per token costs a third of the marking. */
function latin1(data: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k++) s += String.fromCharCode(data[k]!);
  return s;
}

/** The operations of a content stream, with their byte ranges. Inline images (BI … ID … EI) are skipped whole. */
function operations(data: Uint8Array): Operation[] {
  const ops: Operation[] = [];
  let i = 0;
  let start = -1;
  let mcid = false;
  const n = data.length;
  while (i < n) {
    const c = data[i]!;
    if (isWhite(c)) {
      i++;
      continue;
    }
    if (start < 0) start = i;
    if (c === Ch.Percent) {
      while (i < n && data[i] !== 0x0a && data[i] !== 0x0d) i++;
      if (start === i) start = -1;
      continue;
    }
    if (c === Ch.OpenParen) {
      let depth = 0;
      for (; i < n; i++) {
        const d = data[i]!;
        if (d === Ch.Backslash) i++;
        else if (d === Ch.OpenParen) depth++;
        else if (d === Ch.CloseParen && --depth === 0) break;
      }
      i++;
      continue;
    }
    if (c === Ch.Less && data[i + 1] !== Ch.Less) {
      while (i < n && data[i] !== Ch.Greater) i++;
      i++;
      continue;
    }
    if (c === Ch.Less || c === Ch.Greater) {
      i += 2;
      continue;
    }
    if (c === Ch.OpenBracket || c === Ch.CloseBracket || c === Ch.OpenBrace || c === Ch.CloseBrace) {
      i++;
      continue;
    }
    const tokenStart = i;
    if (c === Ch.Slash) i++;
    while (i < n && !isWhite(data[i]!) && !isDelimiter(data[i]!)) i++;
    if (c === Ch.Slash) {
      if (i - tokenStart === 5 && latin1(data, tokenStart + 1, i) === 'MCID') mcid = true;
      continue;
    }
    const first = data[tokenStart]!;
    // Numbers and the keywords true, false and null are operands.
    if ((first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e) continue;
    const op = latin1(data, tokenStart, i);
    if (op === 'true' || op === 'false' || op === 'null') continue;
    ops.push({ op, start, end: i, mcid });
    start = -1;
    mcid = false;
    if (op === 'ID') {
      // Inline image data runs to whitespace + EI + whitespace.
      i++;
      while (i < n && !(isWhite(data[i - 1]!) && data[i] === 0x45 && data[i + 1] === 0x49 && (i + 2 >= n || isWhite(data[i + 2]!)))) i++;
      ops.push({ op: 'EI', start: i, end: i + 2, mcid: false });
      i += 2;
    }
  }
  return ops;
}

const PATH_CONSTRUCTION = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const PATH_PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);

/** A range of operations to wrap, as indexes into the operation list (inclusive). */
type Range = [first: number, last: number];

/** Graphics objects painted at marked-content depth 0 that hold no tagged content. */
function unmarkedObjects(ops: Operation[]): Range[] {
  const ranges: Range[] = [];
  let depth = 0;
  for (let k = 0; k < ops.length; k++) {
    const { op } = ops[k]!;
    if (op === 'BDC' || op === 'BMC') depth++;
    else if (op === 'EMC') depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (op === 'BT') {
      let last = k;
      let tagged = false;
      while (last < ops.length - 1 && ops[last]!.op !== 'ET') {
        last++;
        if (ops[last]!.mcid) tagged = true;
      }
      if (!tagged) ranges.push([k, last]);
      k = last;
    } else if (PATH_CONSTRUCTION.has(op)) {
      let last = k;
      while (last < ops.length - 1 && (PATH_CONSTRUCTION.has(ops[last]!.op) || ops[last]!.op === 'W' || ops[last]!.op === 'W*')) last++;
      // A clipping path ended by `n` paints nothing: it stays where it is.
      if (PATH_PAINTING.has(ops[last]!.op)) ranges.push([k, last]);
      k = last;
    } else if (op === 'Do' || op === 'sh') {
      ranges.push([k, k]);
    } else if (op === 'BI') {
      let last = k;
      while (last < ops.length - 1 && ops[last]!.op !== 'EI') last++;
      ranges.push([k, last]);
      k = last;
    }
  }
  return ranges;
}

/** Neighbouring ranges with only state operators (no marked content) between them become one. */
function merge(ops: Operation[], ranges: Range[]): Range[] {
  const out: Range[] = [];
  for (const range of ranges) {
    const prev = out[out.length - 1];
    if (prev && !ops.slice(prev[1] + 1, range[0]).some((o) => o.op === 'BDC' || o.op === 'BMC' || o.op === 'EMC' || o.op === 'BT')) prev[1] = range[1];
    else out.push([...range]);
  }
  return out;
}

const OPEN = Buffer.from('/Artifact BMC\n', 'latin1');
const CLOSE = Buffer.from('\nEMC\n', 'latin1');

export interface ArtifactResult {
  data: Uint8Array;
  /** Graphics objects that were wrapped. */
  wrapped: number;
}

/** The content stream with every untagged graphics object inside `/Artifact BMC … EMC`. */
export function markArtifacts(data: Uint8Array): ArtifactResult {
  const ops = operations(data);
  const objects = unmarkedObjects(ops);
  if (objects.length === 0) return { data, wrapped: 0 };
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const [first, last] of merge(ops, objects)) {
    const from = ops[first]!.start;
    const to = ops[last]!.end;
    parts.push(data.subarray(at, from), OPEN, data.subarray(from, to), CLOSE);
    at = to;
  }
  parts.push(data.subarray(at));
  return { data: Buffer.concat(parts), wrapped: objects.length };
}
