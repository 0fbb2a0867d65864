import matter from 'gray-matter'
import { describe, expect, it } from 'vitest'
import { renderArticle } from '../../src/import/_render.js'

const article = {
  title: 'Derby: „Wir hätten *das* gewinnen müssen“ #2:2',
  date: '2024-05-01 09:05',
  category: 'Sport',
  paragraphs: ['1. Mai, volles Haus — 41\u00a0000 Zuschauer.', '- Der Trainer sprach von Glück.'],
  titleLine: 5,
}

describe('renderArticle', () => {
  it('should write front matter, a blank line and escaped paragraphs when given a parsed export', () => {
    expect(renderArticle(article)).toBe(
      [
        '---',
        'title: "Derby: „Wir hätten *das* gewinnen müssen“ #2:2"',
        'date: "2024-05-01 09:05"',
        'category: "Sport"',
        '---',
        '',
        '1\\. Mai, volles Haus — 41\u00a0000 Zuschauer.',
        '',
        '\\- Der Trainer sprach von Glück.',
        '',
      ].join('\n'),
    )
  })

  it('should read back the same fields when gray-matter parses the result', () => {
    const value = matter(renderArticle(article))
    expect(value.data).toEqual({ title: article.title, date: article.date, category: article.category })
    expect(value.content.startsWith('\n1\\. Mai')).toBe(true)
  })
})
