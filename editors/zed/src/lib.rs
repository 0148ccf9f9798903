//! Starts `quotelint server` for Markdown: the binary on the worktree's PATH, or the one
//! `lsp.quotelint.binary` names in Zed's settings; `lsp.quotelint.initialization_options` is
//! passed to the server as its `initializationOptions`. UNTESTED in Zed (see README.md).

use zed_extension_api::{self as zed, settings::LspSettings, LanguageServerId, Result};

struct Quotelint;

impl zed::Extension for Quotelint {
    fn new() -> Self {
        Quotelint
    }

    fn language_server_command(
        &mut self,
        id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree(id.as_ref(), worktree).ok().and_then(|s| s.binary);
        let command = match binary.as_ref().and_then(|b| b.path.clone()) {
            Some(path) => path,
            None => worktree
                .which("quotelint")
                .ok_or("quotelint is not on the PATH: install it, or set lsp.quotelint.binary.path")?,
        };
        let args = binary.and_then(|b| b.arguments).unwrap_or_else(|| vec!["server".into()]);
        Ok(zed::Command { command, args, env: Default::default() })
    }

    fn language_server_initialization_options(
        &mut self,
        id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(LspSettings::for_worktree(id.as_ref(), worktree).ok().and_then(|s| s.initialization_options))
    }
}

zed::register_extension!(Quotelint);
