/** A failed write (output folder or temporary files), in the Dutch words of the one line the CLI prints (exit 3). */

/** What each system error means for the user, in Dutch; these are the ones a full, locked or odd folder gives. */
const REASON: Record<string, string> = {
  ENOSPC: 'de schijf is vol',
  EDQUOT: 'het schijfquotum is op',
  EACCES: 'geen schrijfrechten',
  EPERM: 'geen schrijfrechten',
  EROFS: 'het bestandssysteem is alleen-lezen',
  EIO: 'de schijf gaf een lees- of schrijffout',
  EMFILE: 'te veel bestanden tegelijk open',
  EBUSY: 'de map is in gebruik',
  ENOENT: 'een map verdween tijdens het schrijven',
  ENOTDIR: 'een deel van het pad is geen map',
  EISDIR: 'een bestand dat geschreven moest worden is een map',
  ENOTEMPTY: 'een map die vervangen moest worden is niet leeg',
  ENAMETOOLONG: 'een bestandsnaam of pad is te lang',
  EXDEV: 'de tijdelijke map en de uitvoermap liggen op verschillende bestandssystemen',
};

/** `de schijf is vol (ENOSPC)` for a system error of writing, or undefined when `error` is no such error. */
export function systemErrorReason(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === undefined ? undefined : REASON[code];
  return reason && `${reason} (${code})`;
}

/** An error of the file system (it names its system call), as opposed to one of Chromium or our own code. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string' && typeof (error as NodeJS.ErrnoException).code === 'string';
}
