import { it } from 'vitest'
import { readFileSync } from 'node:fs'
import { fix, lint } from '../../packages/core/src/engine.js'
import { presetConfig } from '../../packages/core/src/config.js'
import misuse from '../punctuation-misuse/index.js'
import pairs from '../punctuation-pairs/index.js'
import width from '../punctuation-width/index.js'
const rules = [width, pairs, misuse]
const config = presetConfig('recommended', rules)
it('x', () => {
  const texts = [
    '今年以来,,全市完成投资3.5亿元. 会议强调: "要抓好落实!!" (详见附件)...等.\n\n他说"推进“一网通办“改革"; 印发《甲》、《乙》 ,  然后 ... 结束',
    readFileSync('/work/shared/samples/sample-report-cloud-inspection.txt', 'utf8'),
    readFileSync('/work/shared/guide/zhengwu-xinxi-writing-guide.txt', 'utf8'),
  ]
  for (const t of texts) {
    const format = t.startsWith('今年') ? 'markdown' : 'text'
    const out = fix(t, { format, config, rules })
    if (format === 'markdown') console.log(out)
    const again = fix(out, { format, config, rules })
    console.log('idempotent', again === out, 'remaining', lint(out, { format, config, rules }).map(d => `${d.line}:${d.column} ${d.ruleId} ${d.reason}`))
  }
})
