/** Width and height in pixels, read from an image file's header. */
export interface Dimensions {
  width: number
  height: number
}

/**
 * The pixel size an image's header states, for PNG, GIF, JPEG and WebP; undefined for other formats
 * (SVG has no fixed size) or a header kanal cannot make sense of. Only the bytes given are read.
 */
export function readDimensions(head: Buffer): Dimensions | undefined {
  if (
    head.length >= 24 &&
    head.toString('latin1', 1, 4) === 'PNG' &&
    head.toString('latin1', 12, 16) === 'IHDR'
  ) {
    return _sized(head.readUInt32BE(16), head.readUInt32BE(20))
  }
  if (head.length >= 10 && /^GIF8[79]a$/.test(head.toString('latin1', 0, 6))) {
    return _sized(head.readUInt16LE(6), head.readUInt16LE(8))
  }
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xd8) return _jpeg(head)
  if (
    head.length >= 30 &&
    head.toString('latin1', 0, 4) === 'RIFF' &&
    head.toString('latin1', 8, 12) === 'WEBP'
  ) {
    return _webp(head)
  }
  return undefined
}

/** JPEG: walks the segments to the first start-of-frame marker, which holds the size. */
function _jpeg(head: Buffer): Dimensions | undefined {
  let at = 2
  while (at + 9 < head.length) {
    if (head[at] !== 0xff) return undefined
    const marker = head[at + 1] as number
    if (marker === 0xff) {
      at += 1
      continue
    }
    const length = head.readUInt16BE(at + 2)
    // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return _sized(head.readUInt16BE(at + 7), head.readUInt16BE(at + 5))
    }
    at += 2 + length
  }
  return undefined
}

/** WebP: lossy (VP8), lossless (VP8L) or extended (VP8X) header. */
function _webp(head: Buffer): Dimensions | undefined {
  const chunk = head.toString('latin1', 12, 16)
  if (chunk === 'VP8 ') return _sized(head.readUInt16LE(26) & 0x3fff, head.readUInt16LE(28) & 0x3fff)
  if (chunk === 'VP8L') {
    const bits = head.readUInt32LE(21)
    return _sized((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1)
  }
  if (chunk === 'VP8X') return _sized(head.readUIntLE(24, 3) + 1, head.readUIntLE(27, 3) + 1)
  return undefined
}

function _sized(width: number, height: number): Dimensions | undefined {
  return width > 0 && height > 0 ? { width, height } : undefined
}
