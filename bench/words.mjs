/** Categories of the corpus, each with topics its headlines are about. */
export const CATEGORIES = {
  Politik: ['Haushalt', 'Wahlrecht', 'Bürgergeld', 'Rentenreform', 'Föderalismus'],
  Wirtschaft: ['Energiepreise', 'Mittelstand', 'Fachkräftemangel', 'Exportzahlen', 'Lieferketten'],
  Kultur: ['Museumsnacht', 'Theaterförderung', 'Buchmesse', 'Filmfestspiele', 'Denkmalschutz'],
  Sport: ['Stadtderby', 'Olympiabewerbung', 'Frauenfußball', 'Marathon', 'Vereinsförderung'],
  Wissenschaft: ['Klimaforschung', 'Quantencomputer', 'Hochschulpakt', 'Raumfahrt', 'Genforschung'],
  Außenpolitik: ['Nato-Gipfel', 'EU-Erweiterung', 'Entwicklungshilfe', 'Handelsabkommen', 'Rüstungsexporte'],
  Gesellschaft: ['Ehrenamt', 'Wohnungsnot', 'Integration', 'Pflegenotstand', 'Gleichstellung'],
  Lokales: ['Straßenbahn', 'Schwimmbad', 'Wochenmarkt', 'Radwege', 'Stadtfest'],
  Digitales: ['Glasfaserausbau', 'Datenschutz', 'Künstliche Intelligenz', 'E-Government', 'Cybersicherheit'],
  Gesundheit: ['Krankenhausreform', 'Hausärztemangel', 'Impfkampagne', 'Pflegeversicherung', 'Hitzeschutz'],
  Bildung: ['Lehrermangel', 'Ganztagsschule', 'Digitalpakt', 'Kita-Plätze', 'Berufsausbildung'],
  Umwelt: ['Hochwasserschutz', 'Wärmepumpen', 'Artenschutz', 'Windkraft', 'Grundwasser'],
  Meinung: ['Schuldenbremse', 'Tempolimit', 'Wehrpflicht', 'Vier-Tage-Woche', 'Bürokratieabbau'],
}

export const AUTHORS = _list(`
  Ayşe Demir | Jürgen Weiß | Katharina Schröder | Lukas Müller | Özlem Yıldız | Björn Köhler
  Anna-Lena Groß | Günther Hoffmann | Sophie Bäcker | Mehmet Öztürk | Friederike Lüdtke
  Jörg Schäfer | Małgorzata Nowak | Tobias Krüger | Zoë Fischer | Redaktion
`)

export const TAGS = _list(`
  Bundestag | Landtag | Europa | Berlin | München | Köln | Hamburg | Düsseldorf | Energie | Klima
  Verkehr | Schule | Forschung | Fußball | Haushalt | Gericht | Studie | Interview | Analyse
  Kommentar | Bürgerbeteiligung | Öffentlicher Dienst
`)

export const ACTORS = _list(`
  Die Bundesregierung | Der Stadtrat | Die Ministerpräsidentin | Das Statistische Bundesamt
  Der Bürgermeister | Die Gewerkschaft Verdi | Eine Sprecherin des Ministeriums | Der Landkreis
  Das Forschungsteam | Der Trainer | Die Verbraucherzentrale | Der Aufsichtsrat
  Die Opposition im Landtag | Der Deutsche Städtetag | Die Industrie- und Handelskammer
`)

export const REPORTING = _list(`
  kündigte am Montag an | teilte am Dienstag mit | erklärte in Berlin | betonte vor Journalisten
  räumte am Mittwoch ein | warnte in einer Stellungnahme | sagte der Zeitung
  bestätigte auf Nachfrage
`)

export const CLAUSES = _list(`
  die Förderung für Wärmepumpen im kommenden Jahr überprüft werden solle
  die Preise für Strom und Gas im Frühjahr weiter sinken könnten
  man über die Größe der Aufgabe nicht länger hinwegsehen dürfe
  die Gespräche über einen Kompromiss fortgesetzt würden
  die Zahl der Anträge deutlich höher sei als erwartet
  für die Sanierung der Brücken zusätzliche Mittel nötig seien
  die Ergebnisse der Studie im Herbst veröffentlicht würden
  die Bürgerinnen und Bürger früher beteiligt werden müssten
  der Zeitplan trotz der Verzögerungen zu halten sei
  die Kosten für Mieterinnen und Mieter nicht weiter steigen dürften
`)

export const QUOTES = _list(`
  Wir müssen jetzt handeln, nicht erst übermorgen
  Das ist ein großer Schritt für die ganze Region | Niemand hat behauptet, dass es einfach wird
  Die Zahlen sprechen eine deutliche Sprache | Wir haben aus den Fehlern der Vergangenheit gelernt
  So etwas habe ich in dreißig Jahren nicht erlebt | Über die Details reden wir nächste Woche
`)

export const SPEAKERS = _list(`
  die Ministerin | der Oberbürgermeister | eine Anwohnerin | der Vereinsvorsitzende
  die Studienleiterin | ein Sprecher der Polizei | die Kämmerin | der Betriebsratschef
`)

export const FACTS = _list(`
  Im vergangenen Jahr stieg die Zahl der Übernachtungen um {n},{d} Prozent.
  Nach Angaben der Behörde sind rund {n}.000 Haushalte betroffen.
  Die Kosten belaufen sich auf etwa {n} Millionen Euro.
  Bis zum Jahresende sollen {n} weitere Stellen geschaffen werden.
  Die Umfrage unter {n}00 Befragten ergab ein gemischtes Bild.
  Der Ausschuss tagt am {d}. des Monats erneut öffentlich.
  Seit Jahresbeginn gingen mehr als {n}.{d}00 Beschwerden ein.
`)

export const HEADINGS = _list(`
  Wie geht es weiter? | Kritik aus der Opposition | Was Bürgerinnen und Bürger wissen müssen
  Ein Blick zurück | Die wichtigsten Zahlen | Stimmen aus der Praxis | Offene Fragen
`)

export const LIST_ITEMS = _list(`
  mehr Personal in den Ämtern | schnellere Genehmigungsverfahren
  eine bessere Ausstattung der Schulen | günstigere Tickets für Bus und Bahn
  zusätzliche Plätze in Kitas | schärfere Kontrollen | eine unabhängige Überprüfung
  mehr Geld für die Kommunen | größere Grünflächen in der Innenstadt
`)

/** Link text and target, absolute and relative (kanal makes relative links absolute). */
export const LINKS = [
  ['dem Bericht des Ministeriums', 'https://www.bundesregierung.de/breg-de/aktuelles'],
  ['unserem Dossier', '/dossier/energie/'],
  ['der Pressemitteilung', 'https://www.destatis.de/DE/Presse/Pressemitteilungen/'],
  ['der Tagesordnung des Rates', 'https://ratsinfo.example.de/sitzung?id=4711&teil=öffentlich'],
  ['unserem Liveblog', '../liveblog/'],
]

/** Word lists are written as `a | b | c` across lines, so they stay compact and easy to extend. */
function _list(text) {
  return text
    .split(/\||\n/)
    .map((item) => item.trim())
    .filter(Boolean)
}
