import { readFile, unlink, writeFile } from 'node:fs/promises';

/** True while a process with this id runs (or exists under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function holder(lockPath: string): Promise<number | null> {
  try {
    const pid = Number.parseInt(await readFile(lockPath, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Takes `<path>.lock` for this process, so that a second store (in this
 * process or another) cannot open the same file: the store keeps its
 * indexes in memory and could not see the other's writes. A lock left
 * by a process that no longer runs is taken over. Answers the function
 * that releases it.
 */
export async function takeLock(path: string): Promise<() => Promise<void>> {
  const lockPath = `${path}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockPath, String(process.pid), { flag: 'wx' });
      return () => unlink(lockPath).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = await holder(lockPath);
    if (pid !== null && alive(pid)) {
      const who = pid === process.pid ? 'this process' : `process ${pid}`;
      throw new Error(
        `${path} is already open in ${who} (lock file ${lockPath}); a JSON Lines store has one owner`,
      );
    }
    await unlink(lockPath).catch(() => undefined);
  }
  throw new Error(`could not take the lock file ${lockPath}`);
}
