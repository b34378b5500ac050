import { inflateSync } from 'node:zlib'

// Just enough of PDF to count a printout's pages and what each draws: the
// page objects in the order of the page tree, and for each the number of
// text-showing operators (Tj, TJ) in its content streams. Chromium writes
// these streams Flate-compressed, which Node inflates.

interface PdfObject {
  dict: string
  stream: Buffer | null
}

function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1')
  const objects = new Map<number, PdfObject>()
  const start = /(\d+) 0 obj\b/g
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const end = text.indexOf('endobj', m.index)
    if (end === -1) break
    const body = text.slice(m.index + m[0].length, end)
    const streamAt = body.search(/\bstream\r?\n/)
    let stream: Buffer | null = null
    let dict = body
    if (streamAt !== -1) {
      dict = body.slice(0, streamAt)
      const dataStart = body.indexOf('\n', streamAt) + 1
      const dataEnd = body.lastIndexOf('endstream')
      const raw = Buffer.from(body.slice(dataStart, dataEnd).replace(/\r?\n$/, ''), 'latin1')
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw
    }
    objects.set(Number(m[1]), { dict, stream })
    start.lastIndex = end
  }
  return objects
}

const refs = (text: string) => [...text.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]))

/** The pages of a PDF, in order, with how many runs of text each shows. */
export function pdfPages(pdf: Buffer): { textRuns: number }[] {
  const objects = objectsOf(pdf)
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o.dict))
  const root = catalog && /\/Pages\s+(\d+) 0 R/.exec(catalog.dict)
  if (!root) throw new Error('This PDF has no page tree.')
  const pages: { textRuns: number }[] = []
  const visit = (id: number) => {
    const node = objects.get(id)
    if (!node) return
    if (/\/Type\s*\/Pages\b/.test(node.dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node.dict)
      for (const kid of refs(kids?.[1] ?? '')) visit(kid)
      return
    }
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(node.dict)
    const streams = refs(contents?.[1] ?? '').map((ref) => objects.get(ref)?.stream?.toString('latin1') ?? '')
    const textRuns = streams.reduce((n, s) => n + (s.match(/\b(Tj|TJ)\b/g)?.length ?? 0), 0)
    pages.push({ textRuns })
  }
  visit(Number(root[1]))
  return pages
}
