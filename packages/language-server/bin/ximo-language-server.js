#!/usr/bin/env node
// 惜墨语言服务器：ximo-language-server [--stdio | --node-ipc | --socket=<端口>]
import '../dist/server.js'
