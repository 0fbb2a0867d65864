// Two small German sites whose articles link each other in their generator's template language: for the
// tests of resolveReferences (and the comparison with the real generators).

const JEKYLL_CONFIG = JSON.stringify({
  title: 'Auf Linie',
  siteUrl: 'https://www.auflinie.de/auflinie/',
  from: 'jekyll',
  content: '_posts',
  permalink: '/posts/:slug/',
})

export const JEKYLL_SITE: Record<string, string> = {
  'kanal.config.json': JEKYLL_CONFIG,
  '_posts/2024-01-05-wahl-in-erfurt.md':
    '---\ntitle: Wahlabend in Erfurt\ndate: 2024-01-05 20:00:00 +0100\n---\n\n## Ergebnis\n\nDie Stimmen sind ausgezählt.\n',
  '_posts/thueringen/2024-02-01-landtag.md':
    '---\ntitle: Der Landtag tagt\ndate: 2024-02-01 10:00:00 +0100\n---\n\nErste Sitzung.\n',
  '_posts/2024-01-10-entwurf.md':
    '---\ntitle: Noch nicht fertig\ndate: 2024-01-10 10:00:00 +0100\npublished: false\n---\n\nEntwurf.\n',
  '_posts/2024-03-01-verweise.md': `---
title: Verweise
date: 2024-03-01 09:00:00 +0100
categories: Politik
---

Siehe [den Wahlabend]({{ site.baseurl }}{% post_url 2024-01-05-wahl-in-erfurt %}) und
[den Landtag]({% post_url thueringen/2024-02-01-landtag %}).

<a href="{{ site.url }}{{ site.baseurl }}{% link _posts/2024-01-05-wahl-in-erfurt.md %}#ergebnis">Ergebnis</a>
und der [Plan]({% link assets/plan.pdf %}).

[Der Entwurf]({% post_url 2024-01-10-entwurf %}) und [das Fehlende]({% post_url 2024-01-11-gibt-es-nicht %}).
`,
  '_posts/2024-03-02-adresse.md':
    '---\ntitle: Adresse\ndate: 2024-03-02 09:00:00 +0100\n---\n\nZum Nachlesen: {{ site.url }}{{ site.baseurl }}{% post_url 2024-01-05-wahl-in-erfurt %} – dort steht alles.\n',
  'assets/plan.pdf': '%PDF-1.4 Plan',
}

const HUGO_CONFIG = JSON.stringify({
  title: 'Hugo-Blatt',
  siteUrl: 'https://www.hugo-blatt.de/',
  from: 'hugo',
  content: 'content',
  permalink: '/:filepath/',
})

export const HUGO_SITE: Record<string, string> = {
  'kanal.config.json': HUGO_CONFIG,
  'content/posts/technik/alfawise-u50-unboxing.md':
    '---\ntitle: Alfawise U50 – Unboxing\ndate: 2024-05-02T10:00:00+02:00\n---\n\n## Lieferumfang\n\nText.\n',
  'content/posts/reise/index.md':
    '---\ntitle: Reisebericht\ndate: 2024-05-03T10:00:00+02:00\n---\n\nUnterwegs.\n',
  'content/posts/wahl.md': '---\ntitle: Wahlabend\ndate: 2024-05-04T10:00:00+02:00\n---\n\nGezählt.\n',
  'content/posts/entwurf.md':
    '---\ntitle: Entwurf\ndate: 2024-05-05T10:00:00+02:00\ndraft: true\n---\n\nNoch nicht.\n',
  'content/posts/verweise.md': `---
title: Verweise
date: 2024-06-01T10:00:00+02:00
categories: [Politik]
---

Erst [das Auspacken][1], dann [die Reise]({{< ref "posts/reise" >}}) und
[die Wahl]({{< relref "/posts/wahl.md" >}}), [der Lieferumfang]({{< ref "alfawise-u50-unboxing.md#lieferumfang" >}}).

<a href="{{% ref "wahl" %}}">Nochmals</a>, [der Entwurf]({{< ref "entwurf.md" >}}) und [nichts]({{< ref "fehlt.md" >}}).

[1]: {{< ref "alfawise-u50-unboxing.md" >}} "Alfawise U50 – Unboxing"
`,
}
