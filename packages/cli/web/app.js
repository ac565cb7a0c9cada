// 惜墨 web page: paste or upload a draft, see the findings underlined in place, apply fixes,
// download the text. Everything goes through the server's API (/api/lint, /api/fix, /api/rules);
// no asset comes from anywhere else.

const LEVELS = { error: '错误', warning: '警告', info: '提示' }
const RANK = { info: 0, warning: 1, error: 2 }
const LEAD = [
  ['time', '时间'],
  ['place', '地点'],
  ['subject', '主体'],
  ['event', '事件'],
  ['purpose', '目的'],
  ['method', '方式'],
]

const $ = (id) => document.getElementById(id)
const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v
    else if (k === 'dataset') Object.assign(node.dataset, v)
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v)
    else node.setAttribute(k, v)
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c)
  return node
}

const state = {
  /** The text the findings refer to. */
  text: '',
  format: 'markdown',
  /** Upload name (for the download), or null. */
  name: null,
  kind: null,
  /** For a .docx: paragraphs before the headline that were not linted (line N is paragraph N + skipped). */
  skipped: 0,
  diagnostics: [],
  summary: null,
  rules: new Map(),
  selected: -1,
  busy: false,
}

// ---------------------------------------------------------------------------------------------
// API

async function api(path, init) {
  let res
  try {
    res = await fetch(path, init)
  } catch {
    throw new Error('无法连接惜墨服务，请确认 ximo serve 仍在运行。')
  }
  let body = null
  try {
    body = await res.json()
  } catch {
    /* not JSON */
  }
  if (!res.ok) throw new Error(body?.error?.message ?? `请求失败（${res.status}）`)
  return body
}

const postJson = (path, payload) => api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) })

function showStatus(message, ok = false) {
  const s = $('status')
  s.textContent = message
  s.className = ok ? 'status ok' : 'status'
  s.hidden = !message
}

async function withBusy(work) {
  if (state.busy) return
  state.busy = true
  document.body.setAttribute('aria-busy', 'true')
  updateButtons()
  try {
    await work()
  } catch (e) {
    showStatus(e.message)
  } finally {
    state.busy = false
    document.body.removeAttribute('aria-busy')
    updateButtons()
  }
}

// ---------------------------------------------------------------------------------------------
// Positions: the API gives 1-based line/column in UTF-16 code units, end exclusive.

function lineStarts(text) {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1)
  return starts
}

function withOffsets(diagnostics, text) {
  const starts = lineStarts(text)
  const at = (line, column) => Math.min(text.length, (starts[line - 1] ?? text.length) + column - 1)
  return diagnostics.map((d, i) => ({ ...d, index: i, start: at(d.line, d.column), end: Math.max(at(d.line, d.column), at(d.endLine, d.endColumn)) }))
}

const chars = (s) => [...s].length

function positionLabel(d) {
  if (d.paragraph) return `第${d.paragraph.index}段第${chars(d.paragraph.text.slice(0, d.paragraph.offset)) + 1}字`
  const lineStart = state.text.lastIndexOf('\n', d.start - 1) + 1
  const char = chars(state.text.slice(lineStart, d.start)) + 1
  // A .docx is one paragraph a line, also after fixes.
  return state.kind === 'docx' ? `第${d.line + state.skipped}段第${char}字` : `第${d.line}行第${char}字`
}

// ---------------------------------------------------------------------------------------------
// Rendering

function renderSummary() {
  const box = $('summary')
  box.replaceChildren()
  const s = state.summary
  if (!s) {
    box.append(el('span', { class: 'hint' }, '粘贴稿件或上传 .docx、.txt、.md 文件，然后点“检查”。'))
    return
  }
  const weakHeadline = s.headlineType === 'label' || s.headlineType === 'no-predicate'
  box.append(
    el('span', { class: 'item', id: 'sum-headline' }, el('span', { class: 'label' }, '标题类型：'), el('span', { class: weakHeadline || !s.headlineType ? 'bad' : '' }, s.headlineTypeName ?? '没有标题')),
  )
  const chips = el('span', { class: 'item', id: 'sum-lead' }, el('span', { class: 'label' }, '导语六要素：'))
  if (!s.lead) chips.append(el('span', { class: 'bad' }, '没有导语'))
  for (const [key, name] of LEAD) {
    const ev = s.leadElements[key]
    chips.append(el('span', { class: `chip ${ev ? 'on' : 'off'}`, title: ev ? `找到：${ev.text}` : `导语中没有${name}`, dataset: { element: key } }, `${ev ? '✓' : '✗'} ${name}`))
  }
  box.append(chips)
  box.append(
    el(
      'span',
      { class: 'item', id: 'sum-counts' },
      el('span', { class: 'count error' }, `错误 ${s.errors}`),
      el('span', { class: 'count warning' }, `警告 ${s.warnings}`),
      el('span', { class: 'count info' }, `提示 ${s.infos}`),
      el('span', { class: 'label' }, `可自动修复 ${s.fixable}`),
    ),
  )
}

function renderView() {
  const view = $('view')
  const text = state.text
  const ds = state.diagnostics
  const points = new Set([0, text.length])
  for (const d of ds) points.add(d.start).add(d.end)
  const cuts = [...points].sort((a, b) => a - b)
  const carets = new Map()
  for (const d of ds) if (d.start === d.end) carets.set(d.start, [...(carets.get(d.start) ?? []), d])
  const frag = document.createDocumentFragment()
  const worst = (list) => list.reduce((w, d) => (RANK[d.level] > RANK[w] ? d.level : w), 'info')
  const current = (list) => list.some((d) => d.index === state.selected)
  for (let k = 0; k < cuts.length; k++) {
    const a = cuts[k]
    const here = carets.get(a)
    if (here) frag.append(el('span', { class: `caret ${worst(here)}${current(here) ? ' current' : ''}`, dataset: { ids: here.map((d) => d.index).join(',') }, title: here.map((d) => d.message).join('\n') }))
    if (k === cuts.length - 1) break
    const b = cuts[k + 1]
    if (b <= a) continue
    const piece = text.slice(a, b)
    const cover = ds.filter((d) => d.start < d.end && d.start <= a && d.end >= b)
    if (!cover.length) frag.append(piece)
    else frag.append(el('span', { class: `mark ${worst(cover)}${current(cover) ? ' current' : ''}`, dataset: { ids: cover.map((d) => d.index).join(',') }, title: cover.map((d) => d.message).join('\n') }, piece))
  }
  view.replaceChildren(frag)
}

function renderFindings() {
  const box = $('findings')
  box.replaceChildren()
  if (!state.summary) {
    box.append(el('p', { class: 'empty' }, '还没有检查结果。'))
    return
  }
  if (!state.diagnostics.length) {
    box.append(el('p', { class: 'empty', id: 'no-findings' }, '✔ 未发现问题。'))
    return
  }
  const order = [...state.rules.keys()]
  const groups = new Map()
  for (const d of state.diagnostics) groups.set(d.ruleId, [...(groups.get(d.ruleId) ?? []), d])
  const ids = [...groups.keys()].sort((a, b) => (order.indexOf(a) + 1 || 1e9) - (order.indexOf(b) + 1 || 1e9))
  for (const id of ids) {
    const list = groups.get(id)
    const rule = state.rules.get(id)
    const items = el('ol')
    for (const d of list)
      items.append(
        el(
          'li',
          {},
          el(
            'button',
            { type: 'button', class: `finding ${d.level}${d.index === state.selected ? ' current' : ''}`, dataset: { i: String(d.index) } },
            el('span', { class: 'pos' }, positionLabel(d)),
            el('span', { class: 'msg' }, d.message),
            d.fix ? el('span', { class: 'fixable' }, '可修复') : null,
          ),
        ),
      )
    box.append(el('details', { class: 'group', open: '', dataset: { rule: id } }, el('summary', {}, el('span', { class: 'desc' }, rule?.description ?? id), el('code', {}, id), el('span', { class: 'n' }, `${list.length} 处`)), items))
  }
}

function renderDetail() {
  const d = state.diagnostics[state.selected]
  $('detail').hidden = !d
  if (!d) return
  const rule = state.rules.get(d.ruleId)
  $('detail-pos').textContent = positionLabel(d)
  $('detail-level').textContent = LEVELS[d.level]
  $('detail-level').className = `level ${d.level}`
  $('detail-rule').textContent = d.ruleId
  $('detail-message').textContent = d.message
  $('detail-desc').textContent = rule?.description ?? d.ruleId
  $('detail-guide').textContent = rule?.guide ?? ''
  const suggest = $('detail-suggest')
  if (d.fix) {
    const actual = state.text.slice(d.fix.range[0], d.fix.range[1])
    suggest.textContent = d.fix.text === '' ? `建议：删除“${actual}”` : actual === '' ? `建议：在此处加上“${d.fix.text}”` : `建议：把“${actual}”改为“${d.fix.text}”`
  }
  suggest.hidden = !d.fix
  $('fix-one').hidden = !d.fix
}

function updateButtons() {
  const fixable = state.diagnostics.filter((d) => d.fix).length
  $('fix-all').disabled = state.busy || !fixable
  $('fix-all').textContent = fixable ? `修复全部可自动修复的问题（${fixable} 处）` : '修复全部可自动修复的问题'
  $('download').disabled = state.busy || !state.summary
  $('check').disabled = state.busy
  $('fix-one').disabled = state.busy
}

function render() {
  renderSummary()
  renderView()
  renderFindings()
  renderDetail()
  updateButtons()
  $('doc-title').textContent = state.name ? `稿件：${state.name}` : '稿件'
}

function showView(on) {
  $('view').hidden = !on
  $('editor').hidden = on
  $('edit').hidden = !on
}

function select(index, scroll) {
  state.selected = index
  for (const n of document.querySelectorAll('.mark.current, .caret.current, .finding.current')) n.classList.remove('current')
  for (const n of document.querySelectorAll('.mark[data-ids], .caret[data-ids]')) if (n.dataset.ids.split(',').includes(String(index))) n.classList.add('current')
  const item = document.querySelector(`.finding[data-i="${index}"]`)
  item?.classList.add('current')
  renderDetail()
  if (scroll === 'text') document.querySelector('.view .current')?.scrollIntoView({ block: 'center', behavior: 'smooth' })
  if (scroll === 'list') item?.scrollIntoView({ block: 'nearest' })
}

// ---------------------------------------------------------------------------------------------
// Actions

function setResult(text, format, result) {
  state.text = text
  state.format = format
  state.diagnostics = withOffsets(result.diagnostics, text)
  state.summary = result.summary
  state.selected = -1
  $('editor').value = text
  $('format').value = format
  render()
  showView(true)
}

async function lintText(text, format) {
  const result = await postJson('/api/lint', { text, format })
  setResult(text, format, result)
}

async function check() {
  const text = $('editor').value
  if (!text.trim()) {
    showStatus('请先粘贴稿件或上传文件。')
    return
  }
  showStatus('')
  await lintText(text, $('format').value)
}

async function upload(file) {
  showStatus('')
  const form = new FormData()
  form.append('file', file, file.name)
  const result = await api('/api/lint', { method: 'POST', body: form })
  state.name = result.source.name
  state.kind = result.source.kind
  state.skipped = result.source.skippedParagraphs ?? 0
  setResult(result.source.text, result.source.format, result)
  if (result.source.skippedParagraphs) showStatus(`标题之前的 ${result.source.skippedParagraphs} 段（报头）未检查。`, true)
}

async function applyOne() {
  const d = state.diagnostics[state.selected]
  if (!d?.fix) return
  const [s, e] = d.fix.range
  const text = state.text.slice(0, s) + d.fix.text + state.text.slice(e)
  await lintText(text, state.format)
  showStatus(`已修复 1 处：${d.message}`, true)
}

async function applyAll() {
  const result = await postJson('/api/fix', { text: state.text, format: state.format })
  setResult(result.output, state.format, result)
  showStatus(result.fixes.length ? `已修复 ${result.fixes.length} 处。` : '没有可自动修复的问题。', true)
}

function download() {
  const ext = state.format === 'markdown' && state.kind !== 'docx' ? '.md' : '.txt'
  const base = state.name ? state.name.replace(/\.[^.]+$/, '') : '稿件'
  const blob = new Blob([$('editor').value], { type: 'text/plain;charset=utf-8' })
  const a = el('a', { href: URL.createObjectURL(blob), download: `${base}-修改后${ext}` })
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
}

// ---------------------------------------------------------------------------------------------
// Wiring

$('check').addEventListener('click', () => withBusy(check))
$('edit').addEventListener('click', () => {
  showView(false)
  $('editor').focus()
})
$('file').addEventListener('change', (e) => {
  const file = e.target.files?.[0]
  if (file) withBusy(() => upload(file))
  e.target.value = ''
})
$('fix-all').addEventListener('click', () => withBusy(applyAll))
$('fix-one').addEventListener('click', () => withBusy(applyOne))
$('download').addEventListener('click', download)
$('findings').addEventListener('click', (e) => {
  const b = e.target.closest('.finding')
  if (b) select(Number(b.dataset.i), 'text')
})
$('view').addEventListener('click', (e) => {
  const m = e.target.closest('[data-ids]')
  if (!m) return
  const ids = m.dataset.ids.split(',').map(Number)
  // Clicking again cycles through findings that overlap here.
  const at = ids.indexOf(state.selected)
  select(ids[(at + 1) % ids.length], 'list')
})

api('/api/rules')
  .then((rules) => {
    for (const r of rules) state.rules.set(r.id, r)
    if (state.summary) render()
  })
  .catch((e) => showStatus(e.message))
updateButtons()
