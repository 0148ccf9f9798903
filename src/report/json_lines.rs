//! `--format json-lines`: one finding per line, each the same object as an item of `--format
//! json`'s `diagnostics`, written as files arrive; no summary.

use std::io::Write;

use super::{Emitter, FileReport};

pub struct JsonLines;

impl Emitter for JsonLines {
    fn files(&mut self, reports: &[FileReport], out: &mut dyn Write) -> std::io::Result<()> {
        let mut line = Vec::new();
        super::json::each_item(reports, |item| {
            super::json::write_finding(item, &mut line, out)?;
            out.write_all(b"\n")
        })
    }
}
