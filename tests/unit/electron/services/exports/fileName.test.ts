import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_NAME_BYTES,
  checkTargetFolder,
  childPath,
  exportFileName,
  publishWithoutOverwrite,
  safeZipName,
} from '../../../../../electron/services/exports/fileName';

const bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('safeZipName: nothing is ever written outside the chosen folder', () => {
  it.each([
    ['../../x.zip', '_.._x.zip'],
    ['../../x', '_.._x.zip'],
    ['/etc/passwd', '_etc_passwd.zip'],
    ['C:\\Windows\\system32', 'C__Windows_system32.zip'],
    ['a\u0000b.zip', 'a_b.zip'],
    ['tab\there\nnewline', 'tab_here_newline.zip'],
    ['..', 'export.zip'],
    ['...zip', 'export.zip'],
    ['', 'export.zip'],
    ['   ', 'export.zip'],
    ['.hidden', 'hidden.zip'],
    ['trailing dots...', 'trailing dots.zip'],
    ['CON', '_CON.zip'],
    ['con.zip', '_con.zip'],
    ['lpt1.tar', '_lpt1.tar.zip'],
    ['Aux', '_Aux.zip'],
    ['console', 'console.zip'],
    ['a<b>c:d"e|f?g*h', 'a_b_c_d_e_f_g_h.zip'],
    ['Street Scenes-Q1 review', 'Street Scenes-Q1 review.zip'],
  ])('%j → %j', (raw, safe) => {
    expect(safeZipName(raw)).toBe(safe);
  });

  it('fits 255 bytes, keeps .zip, and never splits a multi-byte character', () => {
    for (const unit of ['a', 'é', '東', '😀']) {
      const name = safeZipName(unit.repeat(400));
      expect(bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
      expect(name.endsWith('.zip')).toBe(true);
      expect(name).not.toContain('\uFFFD');
      expect([...name.slice(0, -4)].every((c) => c === unit)).toBe(true);
    }
  });

  it('names the file like the server does, <dataset>-<export>.zip', () => {
    expect(exportFileName('Street Scenes', 'nightly')).toBe('Street Scenes-nightly.zip');
  });
});

describe('folders and publishing', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'export-name-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('childPath refuses anything that is not a direct child', () => {
    expect(childPath(dir, 'a.zip')).toBe(join(dir, 'a.zip'));
    for (const name of ['../a.zip', 'sub/a.zip', '/abs.zip', '..', '.']) {
      expect(() => childPath(dir, name)).toThrow(/outside the chosen folder/);
    }
  });

  it('checkTargetFolder accepts an existing absolute folder only', async () => {
    expect(await checkTargetFolder(dir)).toBe(dir);
    await expect(checkTargetFolder('relative/dir')).rejects.toThrow(/not an absolute folder path/);
    await expect(checkTargetFolder(join(dir, 'missing'))).rejects.toThrow(/does not exist/);
    await writeFile(join(dir, 'file'), '');
    await expect(checkTargetFolder(join(dir, 'file'))).rejects.toThrow(/is a file, not a folder/);
    await expect(checkTargetFolder(`${dir}\u0000x`)).rejects.toThrow(/NUL/);
  });

  it('publishWithoutOverwrite picks the next free name and never replaces a file', async () => {
    await writeFile(join(dir, 'e.zip'), 'mine');
    await mkdir(join(dir, 'e (2).zip'));
    await writeFile(join(dir, '.tmp1'), 'new');
    expect(await publishWithoutOverwrite(join(dir, '.tmp1'), dir, 'e.zip')).toBe(join(dir, 'e (3).zip'));
    expect((await readdir(dir)).sort()).toEqual(['e (2).zip', 'e (3).zip', 'e.zip']);
  });
});
