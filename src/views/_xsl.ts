import { INDEX_STYLE } from './_style.js'

const _MONTHS = [
  ['Jan', '01', 'Januar'],
  ['Feb', '02', 'Februar'],
  ['Mar', '03', 'März'],
  ['Apr', '04', 'April'],
  ['May', '05', 'Mai'],
  ['Jun', '06', 'Juni'],
  ['Jul', '07', 'Juli'],
  ['Aug', '08', 'August'],
  ['Sep', '09', 'September'],
  ['Oct', '10', 'Oktober'],
  ['Nov', '11', 'November'],
  ['Dec', '12', 'Dezember'],
]

/**
 * `feed.xsl`: turns RSS 2.0 and Atom 1.0 into a readable German page when a feed is opened in a browser
 * (XSLT 1.0, no external requests). Dates are read from the feed's own text, so they show the site's
 * wall time: `Fri, 25 Oct 2024 …` and `2024-10-25T…` both become "25. Oktober 2024".
 */
export function renderFeedXsl(): string {
  const months = _MONTHS.map(
    ([english, number, german]) =>
      `      <xsl:when test="$m = '${english}' or $m = '${number}'">${german}</xsl:when>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:a="http://www.w3.org/2005/Atom" exclude-result-prefixes="a">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>
  <xsl:template match="/">
    <html lang="de">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="rss/channel/title | a:feed/a:title"/> – Feed</title>
        <style>${INDEX_STYLE}</style>
      </head>
      <body>
        <p class="hinweis">Dies ist ein Web-Feed. Kopieren Sie die Adresse dieser Seite in Ihren Feed-Reader, um neue Artikel automatisch zu erhalten.</p>
        <xsl:apply-templates select="rss/channel | a:feed"/>
      </body>
    </html>
  </xsl:template>
  <xsl:template match="channel">
    <header>
      <h1><xsl:value-of select="title"/></h1>
      <p><xsl:value-of select="description"/></p>
    </header>
    <h2>Artikel</h2>
    <ol>
      <xsl:for-each select="item">
        <li>
          <a href="{link}"><xsl:value-of select="title"/></a>
          <time><xsl:call-template name="date">
            <xsl:with-param name="d" select="substring(pubDate, 6, 2)"/>
            <xsl:with-param name="m" select="substring(pubDate, 9, 3)"/>
            <xsl:with-param name="y" select="substring(pubDate, 13, 4)"/>
          </xsl:call-template></time>
        </li>
      </xsl:for-each>
    </ol>
  </xsl:template>
  <xsl:template match="a:feed">
    <header>
      <h1><xsl:value-of select="a:title"/></h1>
      <p><xsl:value-of select="a:subtitle"/></p>
    </header>
    <h2>Artikel</h2>
    <ol>
      <xsl:for-each select="a:entry">
        <li>
          <a href="{a:link[@rel='alternate']/@href}"><xsl:value-of select="a:title"/></a>
          <time><xsl:call-template name="date">
            <xsl:with-param name="d" select="substring(a:published, 9, 2)"/>
            <xsl:with-param name="m" select="substring(a:published, 6, 2)"/>
            <xsl:with-param name="y" select="substring(a:published, 1, 4)"/>
          </xsl:call-template></time>
          <p><xsl:value-of select="a:summary"/></p>
        </li>
      </xsl:for-each>
    </ol>
  </xsl:template>
  <xsl:template name="date">
    <xsl:param name="d"/><xsl:param name="m"/><xsl:param name="y"/>
    <xsl:value-of select="number($d)"/>
    <xsl:text>. </xsl:text>
    <xsl:choose>
${months.join('\n')}
    </xsl:choose>
    <xsl:text> </xsl:text>
    <xsl:value-of select="$y"/>
  </xsl:template>
</xsl:stylesheet>
`
}
