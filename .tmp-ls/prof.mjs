import { analyze, rules, buildDocument, presetConfig } from '../packages/core/dist/index.js'
const para = '县农业农村局组织技术人员深入乡镇开展秋播技术指导，现场发放资料。今年全县秋播面积比去年增加三千亩，种粮大户积极性较高。'
let text = '# 县里推进秋播工作\n\n'
let i = 0
while (text.length < 20000) text += para.replace('三千', String(i++)) + '\n\n'
analyze(text)
let t = performance.now()
const doc = buildDocument(text, { format: 'markdown' })
console.log('build', Math.round(performance.now() - t))
t = performance.now()
doc.blocks.forEach(b => b.tokens); doc.sentences().forEach(s => s.tokens)
console.log('tokens+sentences', Math.round(performance.now() - t))
for (const r of rules) {
  t = performance.now()
  let n = 0
  r.check(doc, { options: r.meta.defaultOptions, severity: 'warning', report() { n++ } })
  console.log(r.meta.id, Math.round(performance.now() - t), 'ms', n)
}
