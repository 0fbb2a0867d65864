import { describe, expect, it } from 'vitest'
import { renderPlainText } from '../../src/render/_plain-text.js'

describe('renderPlainText', () => {
  it.each([
    ['Ein *kurzer* Überblick', 'Ein kurzer Überblick'],
    ['**Wahl** in [Köln](https://x.de/koeln/) und `Bonn`', 'Wahl in Köln und Bonn'],
    ['Tom &amp; Jerry &lt;3 &quot;Zitat&quot; &auml;', 'Tom & Jerry <3 "Zitat" ä'],
    ['Tom & Jerry <3', 'Tom & Jerry <3'],
    ['„Anführungszeichen“ und ‚einfache‘', '„Anführungszeichen“ und ‚einfache‘'],
    ['  Zeile eins\n\n   Zeile\tzwei  ', 'Zeile eins Zeile zwei'],
    ['eins<br>zwei', 'eins zwei'],
    ['5&nbsp;km', '5\u00a0km'],
    ['a &nbsp; b', 'a b'],
    ['<b>fett</b><script>alert(1)</script><style>x{}</style>', 'fett'],
    ['`<b>` ist ein Tag', '<b> ist ein Tag'],
    ['# keine Überschrift', '# keine Überschrift'],
    ['a\u0001b', 'ab'],
    ['', ''],
  ])('should turn %j into %j', (value, expected) => {
    expect(renderPlainText(value)).toBe(expected)
  })
})
