import { randomUUID } from 'node:crypto'
import { access, link, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** File systems that cannot hard-link (FAT, some network shares) answer with one of these. */
const _NO_LINKS = ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']

/**
 * Writes `text` to `file` through a temp file in the same folder, creating the folder if needed, so readers
 * never see half a file, and a write the disk refuses (full, a file size limit) leaves the file as it was
 * (or absent) and no temp file behind; the error then names `file`. Without `overwrite` an existing file is
 * left alone and the result is `false`.
 */
export async function writeFileAtomically(file: string, text: string, overwrite: boolean): Promise<boolean> {
  const folder = dirname(file)
  await mkdir(folder, { recursive: true })
  const temp = join(folder, `.${basename(file)}.${randomUUID()}.tmp`)
  try {
    await writeFile(temp, text, { flag: 'wx' })
    if (!overwrite) return await _linkNew(temp, file)
    await rename(temp, file)
    return true
  } catch (error) {
    const refused = error as NodeJS.ErrnoException
    if (refused.syscall === 'write') refused.path ??= file
    throw error
  } finally {
    await rm(temp, { force: true })
  }
}

/** `link` fails with EEXIST instead of replacing, so no other writer can slip in between check and write. */
async function _linkNew(temp: string, file: string): Promise<boolean> {
  try {
    await link(temp, file)
    return true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? ''
    if (code === 'EEXIST') return false
    if (!_NO_LINKS.includes(code)) throw error
  }
  const exists = await access(file).then(
    () => true,
    () => false,
  )
  if (!exists) await rename(temp, file)
  return !exists
}
