import { runRuleTests } from '../../packages/core/src/testing.js'
import rule from './index.js'

// Realistic drafts, written for these tests; the defaults (maxRatio 2, minChars 120) were
// picked from them. Character counts (spaces not counted) are in the comments.
const headline = '# 县交通运输局完成农村公路桥梁安全排查\n\n'
const lead = '9月以来，县交通运输局对全县312座农村公路桥梁开展安全排查，发现隐患27处。' // 39
const b1 = '排查分三步进行。先由乡镇公路站逐桥登记，再由局工程科组织专业人员复核，最后对存在隐患的桥梁逐座制定整改方案。对3座四类桥梁，已设置限载标志并实行交通管制。' // 77
const b2 = '截至10月底，27处隐患已整改24处，其余3处列入明年危桥改造计划，所需资金1200万元已申报省级补助。' // 52
// A 结语 that piles up meaning and effect: 209 characters, 3.2 times the body's average (64.5).
const heavy =
  '此次排查是我县近年来规模最大、覆盖最全的一次桥梁安全排查，对于保障群众出行安全、提升农村公路服务水平、促进城乡融合发展意义重大。' +
  '通过排查，进一步摸清了全县农村公路桥梁的家底，健全了桥梁安全管理长效机制，提高了基层公路管理人员的业务能力，增强了全系统的安全意识和责任意识，' +
  '也为全市农村公路桥梁管理工作提供了可复制、可推广的经验做法，下一步还将把排查成果运用到年度养护计划编制、危桥改造项目储备和桥梁管理信息系统建设中去。'
const short = '下一步，县交通运输局将在12月底前完成其余3处隐患整改。' // 28

// A measures draft whose last paragraph is content, not a 结语: 137 characters, 1.8 times the
// body's average (76.5). With the short lead in the average it would be 2.1 and flagged: the
// lead is left out.
const measures = [
  '# 区行政审批局推行“云踏勘”压缩踏勘时间',
  '今年以来，区行政审批局推行“云踏勘”，现场踏勘平均用时由5个工作日压缩到1个工作日。',
  '一是梳理踏勘事项。对食品经营许可等25个需要现场踏勘的事项逐项梳理，细化为53种具体情形，编制踏勘要点清单，明确每种情形查什么、怎么查、达到什么标准。',
  '二是搭建线上平台。在政务服务平台增加视频踏勘功能，申请人用手机即可配合踏勘人员完成现场查看，踏勘过程全程录像、自动存档，踏勘意见书在线出具并推送至审批窗口。',
  '三是分类办理。对内容简单、标准固定的事项，材料审查通过后当天完成线上踏勘；对需要整改的事项，申请人整改后上传照片和视频，踏勘人员在线核验，不再二次到场；' +
    '对库房面积、设备配置等必须实地测量的事项，仍安排人员到场，并与线上踏勘同步登记、统一出具意见，确保前后标准一致、结果互认。',
].join('\n\n')

// Short paragraphs: an ending of 106 characters is 5 times the body's average but still short.
const brief = [
  '# 镇政府完成汛前河道清障',
  '5月10日至20日，镇政府组织清理镇域河道12公里。', // 26
  '共清除阻水障碍物46处，拆除违规网箱8处。', // 21
  '汛前清障是防汛工作的重要环节，此次清障有效提升了河道行洪能力，消除了一批度汛隐患，为全镇安全度汛打下了基础，也进一步增强了沿河群众的防汛意识和参与意识。今后镇政府将坚持常态化巡查，发现一处清理一处，确保河道畅通。', // 106
].join('\n\n')

const heavyMessage = '结尾段 209 字，是主体各段平均字数（65 字）的 3.2 倍，头重脚轻：请把意义、作用等评述压缩成一两句。'

runRuleTests(rule, {
  valid: [
    { name: 'short ending', text: headline + [lead, b1, b2, short].join('\n\n') },
    { name: 'last measure paragraph', text: measures },
    { name: 'ending under minChars', text: brief },
    // Fewer than three body paragraphs: lead and ending only.
    { name: 'two paragraphs', text: headline + [lead, heavy].join('\n\n') },
    // The last item of a list, or the text of a last sub-section, is content, not a 结语.
    { name: 'list item', text: headline + [lead, b1, b2, '- ' + heavy].join('\n\n') },
    { name: 'after a sub-heading', text: headline + [lead, b1, b2, '## 三、下一步打算', heavy].join('\n\n') },
    { name: 'maxRatio option', text: headline + [lead, b1, b2, heavy].join('\n\n'), options: { maxRatio: 3.5 } },
    { name: 'minChars option', text: headline + [lead, b1, b2, heavy].join('\n\n'), options: { minChars: 210 } },
    { name: 'minParagraphs option', text: headline + [lead, b1, b2, heavy].join('\n\n'), options: { minParagraphs: 5 } },
  ],
  invalid: [
    {
      name: 'heavy ending',
      text: headline + [lead, b1, b2, heavy].join('\n\n'),
      errors: [{ messageId: 'tooLong', message: heavyMessage, line: 9, column: 1, endLine: 9, endColumn: 210, severity: 'info' }],
      output: null,
    },
    {
      // A trailing 抄送 line is not the ending; the range stays on the last body paragraph.
      name: 'trailing 抄送',
      text: headline + [lead, b1, b2, heavy, '抄送：市交通运输局。'].join('\n\n'),
      errors: [{ messageId: 'tooLong', message: heavyMessage, line: 9, column: 1, endLine: 9, endColumn: 210 }],
    },
    {
      // A block-quoted ending is measured on its prose.
      name: 'block quote',
      text: headline + [lead, b1, b2, '> ' + heavy].join('\n\n'),
      errors: [{ messageId: 'tooLong', line: 9, column: 3, endColumn: 212 }],
    },
    {
      name: 'minChars option',
      text: brief,
      options: { minChars: 80 },
      errors: [{ messageId: 'tooLong', message: '结尾段 106 字，是主体各段平均字数（21 字）的 5.0 倍，头重脚轻：请把意义、作用等评述压缩成一两句。', line: 7, column: 1, endColumn: 107 }],
    },
    {
      format: 'text',
      name: 'text format',
      text: ['县交通运输局完成农村公路桥梁安全排查', lead, b1, b2, heavy, ''].join('\r\n'),
      errors: [{ messageId: 'tooLong', message: heavyMessage, line: 5, column: 1, endColumn: 210 }],
    },
  ],
})
