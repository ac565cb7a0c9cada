import { analyze, rules } from '../packages/core/dist/index.js'
const para = '县农业农村局组织技术人员深入乡镇开展秋播技术指导，现场发放资料。今年全县秋播面积比去年增加三千亩，种粮大户积极性较高。'
analyze('# 标题\n\n' + para)
for (const n of [20000, 200000, 1000000, 2000000]) {
  let text = '# 县里推进秋播工作\n\n'
  let i = 0
  while (text.length < n) text += para.replace('三千', String(i++)) + '\n\n'
  let t = performance.now()
  const r = analyze(text)
  const t1 = performance.now() - t
  t = performance.now()
  analyze(text)
  console.log(n, rules.length, 'rules', r.diagnostics.length, 'diags', Math.round(t1), 'ms cold', Math.round(performance.now() - t), 'ms warm')
}
