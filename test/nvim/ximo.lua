-- Neovim (0.7+) as a real LSP client of ximo-language-server, run headless by
-- test/lsp-nvim.test.ts:
--   XIMO_SERVER=… XIMO_NVIM_OUT=… nvim --headless --clean -c 'luafile ximo.lua' draft.md
-- Writes one JSON object a line to XIMO_NVIM_OUT: the diagnostics as Neovim holds them
-- (0-based lines, byte columns) after opening, after applying the first code action, and
-- after the workspace config changes on disk; plus the hover text. Exits non-zero on failure.
local out_path = assert(os.getenv('XIMO_NVIM_OUT'), 'XIMO_NVIM_OUT not set')
local server = assert(os.getenv('XIMO_SERVER'), 'XIMO_SERVER not set')
local lines = {}

local function emit(t)
  table.insert(lines, vim.fn.json_encode(t))
end

local function finish(ok)
  vim.fn.writefile(lines, out_path)
  vim.cmd(ok and 'qall!' or 'cquit!')
end

local function fail(msg)
  emit({ error = msg })
  finish(false)
end

local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'ximo',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.getcwd(),
  settings = { ximo = { debounce = 50 } },
})
if not client_id then
  return fail('could not start the server')
end
vim.lsp.buf_attach_client(bufnr, client_id)

local function sorted()
  local list = vim.diagnostic.get(bufnr)
  table.sort(list, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return list
end

local function dump(stage)
  for _, d in ipairs(sorted()) do
    emit({
      stage = stage,
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      source = d.source,
      code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
      message = d.message,
    })
  end
end

-- A fingerprint of the diagnostics, to wait for a change.
local function signature()
  local parts = {}
  for _, d in ipairs(sorted()) do
    table.insert(parts, string.format('%s:%d:%d', tostring(d.code), d.lnum, d.col))
  end
  return table.concat(parts, ' ')
end

if not vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20) then
  return fail('no diagnostics after opening')
end
dump('open')

-- Hover on the first diagnostic.
local first = sorted()[1]
vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', vim.lsp.util.make_position_params(), 10000)
local hover_text = ''
for _, res in pairs(hover or {}) do
  if res.result and res.result.contents then
    hover_text = res.result.contents.value or ''
  end
end
emit({ stage = 'hover', first_line = vim.split(hover_text, '\n')[1] })

-- Apply the first code action offered at the cursor (the preferred fix), as a user would.
local before = signature()
vim.ui.select = function(items, _, on_choice)
  emit({ stage = 'actions', titles = vim.tbl_map(function(item)
    return item[2].title
  end, items) })
  on_choice(items[1], 1)
end
vim.lsp.buf.code_action()
if not vim.wait(30000, function() return signature() ~= before end, 20) then
  return fail('diagnostics did not change after the code action')
end
emit({ stage = 'after-fix', line = vim.api.nvim_buf_get_lines(bufnr, first.lnum, first.lnum + 1, false)[1] })
dump('after-fix')

-- Change the workspace config on disk: the server watches it and re-lints.
before = signature()
vim.fn.writefile({ '{ "extends": [], "rules": { "sentence-length": ["error", { "max": 29 }] } }' }, vim.fn.getcwd() .. '/.ximorc.json')
if not vim.wait(30000, function() return signature() ~= before end, 20) then
  return fail('diagnostics did not change after the config change')
end
dump('config')

vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
finish(true)
