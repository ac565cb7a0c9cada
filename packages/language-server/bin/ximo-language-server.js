#!/usr/bin/env node
// 惜墨语言服务器：ximo-language-server [--stdio | --node-ipc | --socket=<端口>]
// (CommonJS, see package.json here; ../dist/ is built by `node scripts/build.mjs`.)
require('../dist/server.js')
