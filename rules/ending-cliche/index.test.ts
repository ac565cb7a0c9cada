import { runRuleTests } from '../../packages/core/src/testing.js'
import rule from './index.js'

const start = '# 县交通运输局完成农村公路提档升级\n\n县交通运输局今年完成农村公路提档升级86公里。\n\n工程分12个标段施工，10月底全部交工验收。\n\n'
/** A document whose ending is `text`, named by it. */
const ending = (text: string) => ({ name: text, text: start + text })

runRuleTests(rule, {
  valid: [
    ending('沿线23个行政村通客车时间平均缩短20分钟。'),
    // Only the ending is checked.
    '# 标题\n\n今年农村公路建设取得了显著成效。\n\n完成提档升级86公里。',
    // A one-paragraph document has no ending.
    '# 标题\n\n农村公路提档升级取得了显著成效。',
    // Whole words only: 有力保障性住房 is not 有力保障.
    ending('项目为新市民提供有力保障性住房。'),
    // A quoted phrase is a mention; a gap never crosses a comma.
    ending('结尾不写“取得了显著成效”这样的话。'),
    ending('开创了农村公路建设，新局面还需巩固。'),
    // Inline code is never linted.
    ending('字段 `取得了显著成效` 保留。'),
    { name: 'ignore option', text: start + '项目取得了显著成效。', options: { ignore: ['取得了显著成效'] } },
  ],
  invalid: [
    {
      name: 'two guide-style judgements',
      text: start + '提档升级取得了显著成效，为乡村振兴提供了有力保障。',
      errors: [
        { messageId: 'cliche', message: '结尾“取得了显著成效”是公式化评价，请改用具体数据或事实，或删去。', line: 7, column: 5, endLine: 7, endColumn: 12, severity: 'warning' },
        { messageId: 'cliche', message: '结尾“提供了有力保障”是公式化评价，请改用具体数据或事实，或删去。', line: 7, column: 18, endColumn: 25 },
      ],
      output: null,
    },
    {
      // Gap entries (开创了……新局面, 受到……一致好评) and their forms without 了.
      name: 'gap entries',
      text: start + '此举开创了农村公路建设新局面，受到沿线企业和群众的一致好评，取得显著成效。',
      errors: [
        { messageId: 'cliche', message: '结尾“开创了农村公路建设新局面”是公式化评价，请改用具体数据或事实，或删去。', line: 7, column: 3, endColumn: 15 },
        { messageId: 'cliche', line: 7, column: 16, endColumn: 30 },
        { messageId: 'cliche', line: 7, column: 31, endColumn: 37 },
      ],
    },
    {
      name: 'borderline is info',
      text: start + '工程质量全部合格，充分体现了建设单位的管理水平。',
      errors: [{ messageId: 'borderline', message: '结尾“充分体现了”可能是套话，请用具体数据或事实说明。', line: 7, column: 10, endColumn: 15, severity: 'info' }],
    },
    {
      // A trailing 抄送 line is not the ending; a block-quoted ending is checked.
      name: 'block quote before 抄送',
      text: start + '> 工程为群众出行保驾护航。\n\n抄送：市交通运输局。',
      errors: [{ messageId: 'cliche', line: 7, column: 10, endColumn: 14 }],
    },
    {
      // Half-width comma before, link inside the ending.
      name: 'half-width punctuation and link',
      text: start + '详见[通报](https://x.cn),工程迈上了高质量发展新台阶。',
      errors: [{ messageId: 'cliche', message: '结尾“迈上了高质量发展新台阶”是公式化评价，请改用具体数据或事实，或删去。', line: 7, column: 24, endColumn: 35 }],
    },
    {
      format: 'text',
      name: 'text format',
      text: '县交通运输局完成农村公路提档升级\n县交通运输局今年完成农村公路提档升级86公里。\n工程10月底全部交工。\n提档升级工作具有重要意义。\n',
      errors: [{ messageId: 'cliche', message: '结尾“具有重要意义”是公式化评价，请改用具体数据或事实，或删去。', line: 4, column: 7, endColumn: 13 }],
    },
    {
      name: 'extra option',
      text: start + '工程交出了满意答卷，社会反响热烈。',
      options: { extra: ['交出了满意答卷', '社会反响热烈 info'] },
      errors: [
        { messageId: 'cliche', line: 7, column: 3, endColumn: 10, severity: 'warning' },
        { messageId: 'borderline', line: 7, column: 11, endColumn: 17, severity: 'info' },
      ],
    },
  ],
})
