const which = process.argv[2]
const text = require('fs').readFileSync('/work/shared/samples/sample-report-cloud-inspection.txt','utf8').repeat(20)
let t = process.hrtime.bigint()
let tag
if (which === 'rs') { const {Jieba}=require('@node-rs/jieba');const {dict}=require('@node-rs/jieba/dict');const j=Jieba.withDict(dict); tag=(s)=>j.tag(s,true) }
else { const n=require('nodejieba'); n.load(); tag=(s)=>n.tag(s) }
const load = Number(process.hrtime.bigint()-t)/1e6
tag('预热')
t = process.hrtime.bigint(); for (let i=0;i<5;i++) tag(text); const el = Number(process.hrtime.bigint()-t)/1e6/5
console.log(which, 'load', load.toFixed(0),'ms', 'rss', (process.memoryUsage().rss/1048576).toFixed(0),'MB', 'tag', (text.length/el*1000/1e6).toFixed(2), 'M chars/s')
