-- Neovim headless: celint server on YAML and JSON buffers, then every buffer's diagnostics as
-- JSON (tests/test_editor_nvim.py). Run as:
--   CELINT_DUMP=out.json nvim --headless --clean -u tests/editors/nvim-celint.lua FILE...

-- The README's recipe (Neovim 0.8 and later have vim.lsp.start; 0.7, Debian bookworm's, has
-- only vim.lsp.start_client, which the fallback uses the same way).
vim.api.nvim_create_autocmd("FileType", {
  pattern = { "yaml", "json" },
  callback = function(args)
    local config = { name = "celint", cmd = { "celint", "server" }, root_dir = vim.fn.getcwd() }
    if vim.lsp.start then
      vim.lsp.start(config)
    else
      vim.lsp.buf_attach_client(args.buf, vim.lsp.start_client(config))
    end
  end,
})

-- The harness: note each document the server published diagnostics for (a clean one too).
local published = {}
local publish = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  publish(err, result, ctx, config)
  published[vim.uri_to_fname(result.uri)] = true
end

local function dump()
  local found, missing = {}, {}
  for _, name in ipairs(vim.fn.argv()) do
    vim.cmd("edit " .. vim.fn.fnameescape(name))
    local buffer = vim.api.nvim_get_current_buf()
    local file = vim.api.nvim_buf_get_name(buffer)
    if not vim.wait(30000, function() return published[file] end, 20) then
      table.insert(missing, file)
    end
    local diagnostics = {}
    for _, d in ipairs(vim.diagnostic.get(buffer)) do
      table.insert(diagnostics, {
        lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
        severity = d.severity, message = d.message, source = d.source, code = d.code,
      })
    end
    table.insert(found, { file = file, diagnostics = diagnostics })
  end
  local out = assert(io.open(os.getenv("CELINT_DUMP"), "w"))
  out:write(vim.fn.json_encode({ version = vim.version(), files = found, missing = missing }))
  out:close()
  vim.cmd("qall!")
end

vim.api.nvim_create_autocmd("VimEnter", { callback = function() vim.schedule(dump) end })
