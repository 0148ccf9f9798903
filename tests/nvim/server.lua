-- Neovim's own LSP client against `quotelint server`, headless (tests/server.rs runs it):
-- opens the article named by QUOTELINT_ARTICLE, waits for quotelint's diagnostics, hovers at
-- the first one, and writes what it saw as JSON to QUOTELINT_RESULT. Works with Neovim 0.7 on.
local result = { diagnostics = {}, hover = nil, error = nil }
local function finish()
  local f = io.open(os.getenv('QUOTELINT_RESULT'), 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('QUOTELINT_ARTICLE')))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'quotelint',
    cmd = { os.getenv('QUOTELINT_BIN'), 'server', '--isolated' },
    root_dir = vim.fn.fnamemodify(os.getenv('QUOTELINT_ARTICLE'), ':h'),
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(buf, client_id)
  local got = vim.wait(30000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 20)
  assert(got, 'no diagnostics within 30 s')
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.diagnostics, {
      code = d.code, severity = d.severity, lnum = d.lnum, col = d.col,
      end_col = d.end_col, message = d.message, source = d.source,
    })
  end
  local first = vim.diagnostic.get(buf)[1]
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = first.lnum, character = first.col + 1 },
  }, 30000)
  for _, r in pairs(responses or {}) do
    if r.result then
      result.hover = r.result.contents.value
    end
  end
  vim.lsp.stop_client(client_id)
end)
if not ok then
  result.error = tostring(err)
end
finish()
