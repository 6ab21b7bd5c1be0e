/**
 * A register's bytes, read only when the path is a regular file of bounded size. The path (links
 * followed) is checked before it is opened, so a FIFO, a device, a socket or a link to /dev/zero
 * is refused and never waited on; the check is repeated on the opened descriptor, opened
 * non-blocking, so a file swapped in between is refused too.
 */
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { LIMITS, sizeLabel } from './limits.js';

export type FileRead = { bytes: Buffer } | { problem: { ruleId: string; reason: string; expected: string } };

export async function readRegisterFile(path: string): Promise<FileRead> {
  const before = await stat(path).catch(() => undefined);
  if (before && !before.isFile()) return notAFile(before);
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { problem: { ruleId: 'bestand-onleesbaar', reason: `Het bestand kan niet worden gelezen${readProblem(error)}.`, expected: 'een leesbaar bestand' } };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return notAFile(info);
    if (info.size > LIMITS.fileBytes) {
      return {
        problem: { ruleId: 'bestand-te-groot', reason: `Het bestand is groter dan ${sizeLabel(LIMITS.fileBytes)} en wordt niet gelezen.`, expected: `een bestand van hoogstens ${sizeLabel(LIMITS.fileBytes)}` },
      };
    }
    // A file that grows while it is read is cut at its size when opened.
    const bytes = Buffer.alloc(info.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: bytes.subarray(0, filled) };
  } catch (error) {
    return { problem: { ruleId: 'bestand-onleesbaar', reason: `Het bestand kan niet worden gelezen${readProblem(error)}.`, expected: 'een leesbaar bestand' } };
  } finally {
    await handle.close();
  }
}

const notAFile = (info: Stats): FileRead => ({
  problem: { ruleId: 'bestand-geen-bestand', reason: `Het is geen gewoon bestand maar ${specialKind(info)} en wordt niet gelezen.`, expected: 'een gewoon bestand' },
});

function specialKind(info: Stats): string {
  if (info.isFIFO()) return 'een pijp (FIFO)';
  if (info.isSocket()) return 'een socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'een apparaat';
  if (info.isDirectory()) return 'een map';
  return 'een speciaal bestand';
}

export function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return ' (geen leesrechten)';
  if (code === 'EISDIR') return ' (het is een map)';
  if (code === 'ENOENT') return ' (het bestaat niet (meer))';
  if (code === 'EBUSY') return ' (het is in gebruik door een ander programma)';
  if (code === 'ELOOP') return ' (een kring van koppelingen)';
  return code ? ` (${code})` : '';
}
