/** Whether a process of this host has ended: for locks and profiles that a killed run left behind. */
export function isGone(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    // EPERM: the process exists, it is just not ours.
    return (e as NodeJS.ErrnoException).code !== 'EPERM';
  }
}
