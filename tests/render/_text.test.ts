import { describe, expect, it } from 'vitest'
import { blocksToText, toTextBlocks } from '../../src/render/_text.js'

describe('toTextBlocks', () => {
  it.each([
    ['<h2 id="x">T</h2><p class="y">a <em>b</em> <a href="/c">c</a></p>', '<h2>T</h2><p>a b c</p>'],
    ['<p>a<br>b</p>', '<p>a<br />b</p>'],
    ['<p>x<script>y</script><style>z</style></p>', '<p>x</p>'],
    ['<p>&lt;b&gt; &amp;auml; &auml;</p>', '<p>&lt;b&gt; &amp;auml; ä</p>'],
  ])('should keep only bare block tags and text when given %j', (value, expected) => {
    expect(toTextBlocks(value)).toBe(expected)
  })
})

describe('blocksToText', () => {
  it.each([
    ['<h2>T</h2><p>a b</p>', 'T a b'],
    ['<p>a<br />b</p>', 'a b'],
    ['&lt;b&gt; &amp;lt; &amp;', '<b> &lt; &'],
    ['  a \n\t b  ', 'a b'],
    ['5\u00a0km \u00a0 x', '5\u00a0km x'],
  ])('should turn %j into %j', (value, expected) => {
    expect(blocksToText(value)).toBe(expected)
  })
})
