//! `quotelint server` driven over standard input and output as an editor drives it: framed
//! JSON-RPC messages in, each message out parsed into the protocol's types (lsp-types) and its
//! contents checked, positions in UTF-16 units.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use lsp_types::{
    CodeActionOrCommand, DiagnosticSeverity, Hover, HoverContents, InitializeResult, NumberOrString,
    Position, PublishDiagnosticsParams, Range, ShowMessageParams, TextDocumentSyncCapability,
    TextDocumentSyncKind,
};
use serde_json::{json, Value};

/// Generous: a message takes milliseconds; the machine is shared.
const WAIT: Duration = Duration::from_secs(60);

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: mpsc::Receiver<Value>,
    /// Notifications read while waiting for something else.
    seen: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start(dir: &Path, args: &[&str]) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_quotelint"))
            .arg("server")
            .args(args)
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (send, messages) = mpsc::channel();
        std::thread::spawn(move || loop {
            let mut length = None;
            loop {
                let mut line = String::new();
                if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(n) = line.strip_prefix("Content-Length: ") {
                    length = Some(n.parse::<usize>().unwrap());
                }
            }
            let mut body = vec![0; length.expect("a Content-Length header")];
            stdout.read_exact(&mut body).unwrap();
            if send.send(serde_json::from_slice(&body).expect("JSON")).is_err() {
                return;
            }
        });
        Client { child, stdin, messages, seen: Vec::new(), next_id: 0 }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its response's result, keeping the notifications read before it.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let response = self.wait(|m| m["id"] == id && m.get("method").is_none());
        assert!(response.get("error").is_none(), "{response}");
        response["result"].clone()
    }

    /// Sends a request without parameters and returns its whole response, error or not.
    fn send_raw_request(&mut self, method: &str) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method}));
        self.wait(|m| m["id"] == id && m.get("method").is_none())
    }

    /// The first message `want` accepts; those before it are kept in `seen`.
    fn wait(&mut self, want: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let m = self
                .messages
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no answer; seen {:?}", self.seen));
            if want(&m) {
                return m;
            }
            self.seen.push(m);
        }
    }

    /// The response to request `id`, whether read already or not.
    fn response(&mut self, id: i64) -> Value {
        let is = |m: &Value| m["id"] == id && m.get("method").is_none();
        match self.seen.iter().position(is) {
            Some(at) => self.seen.remove(at),
            None => self.wait(is),
        }
    }

    /// The diagnostics published for `version` of the document.
    fn diagnostics(&mut self, version: i32) -> PublishDiagnosticsParams {
        let m = self
            .wait(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == version);
        serde_json::from_value(m["params"].clone()).unwrap()
    }

    fn shown(&self) -> Vec<ShowMessageParams> {
        let shown = self.seen.iter().filter(|m| m["method"] == "window/showMessage");
        shown.map(|m| serde_json::from_value(m["params"].clone()).unwrap()).collect()
    }

    /// `shutdown`, then `exit`: the server answers and exits with 0.
    fn finish(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert_eq!(status.code(), Some(0));
                return;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn initialize(client: &mut Client, root: &Path) -> InitializeResult {
    let result = client.request(
        "initialize",
        json!({"capabilities": {}, "workspaceFolders": [{"uri": uri(root), "name": "articles"}]}),
    );
    client.notify("initialized", json!({}));
    serde_json::from_value(result).unwrap()
}

/// Non-ASCII text before the quotation on its line: "—" is one UTF-16 unit, the emoji two, so
/// the quotation's UTF-16 column is one more than its character column. No citation:
/// `unsourced` is off in the folder's configuration.
const ARTICLE: &str = "# Notes on Wörner — 🙂\n\nOn 9 February 1991 — 🙂 — Baker told Gorbachev there would be \"no extension of NATO’s jurisdiction for forces of NATO one inch to the east.\"\n";

fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Range {
    Range::new(Position::new(l1, c1), Position::new(l2, c2))
}

// lsp-types' `WorkspaceEdit` maps `Uri`s, whose parsed form caches in a `Cell` that hashing
// does not read.
#[allow(clippy::mutable_key_type)]
#[test]
fn a_scripted_session() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    std::fs::write(root.join("quotelint.yaml"), "checks:\n  unsourced: off\n").unwrap();
    let article = root.join("baker.md");
    let doc_uri = uri(&article);
    let mut client = Client::start(&root, &[]);

    let init = initialize(&mut client, &root);
    let caps = init.capabilities;
    assert_eq!(caps.position_encoding, Some(lsp_types::PositionEncodingKind::UTF16));
    let Some(TextDocumentSyncCapability::Options(sync)) = caps.text_document_sync else {
        panic!("sync options")
    };
    assert_eq!(sync.change, Some(TextDocumentSyncKind::INCREMENTAL));
    assert!(caps.hover_provider.is_some() && caps.code_action_provider.is_some());

    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": doc_uri, "languageId": "markdown", "version": 1, "text": ARTICLE}}),
    );
    let published = client.diagnostics(1);
    assert_eq!(published.uri.as_str(), doc_uri);
    // The folder's configuration turned `unsourced` off: one finding.
    let [d] = published.diagnostics.as_slice() else { panic!("{:#?}", published.diagnostics) };
    assert_eq!(d.code, Some(NumberOrString::String("misdated".into())));
    assert_eq!(d.severity, Some(DiagnosticSeverity::ERROR));
    assert_eq!(d.source.as_deref(), Some("quotelint"));
    assert!(d.message.contains("the record dates it 9 February 1990"), "{}", d.message);
    assert_eq!(d.code_description.as_ref().unwrap().href.as_str(), "quotelint://explain/misdated");
    // The opening quotation mark: character column 61 (0-based), UTF-16 column 62; the closing
    // mark's end: 78 characters further (the ’ is one unit).
    assert_eq!(d.range, range(2, 62, 2, 140));

    // Hover inside the quotation: the record entry.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": doc_uri}, "position": {"line": 2, "character": 70}}),
    );
    let hover: Hover = serde_json::from_value(hover).unwrap();
    let HoverContents::Markup(markup) = hover.contents else { panic!("markup") };
    for part in
        ["Baker", "baker-1990-02-09-one-inch-us-memcon", "**Date:** 1990-02-09", "**Confidence:**", "](http"]
    {
        assert!(markup.value.contains(part), "no {part} in {}", markup.value);
    }
    assert_eq!(hover.range, Some(d.range));
    // Outside any quotation: nothing.
    let none = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": doc_uri}, "position": {"line": 2, "character": 2}}),
    );
    assert_eq!(none, Value::Null);

    // Code actions: the safe fix, preferred, then the suppression on a line of its own (the
    // line before is blank).
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": doc_uri}, "range": d.range, "context": {"diagnostics": []}}),
    );
    let actions: Vec<CodeActionOrCommand> = serde_json::from_value(actions).unwrap();
    let actions: Vec<_> = actions
        .into_iter()
        .map(|a| match a {
            CodeActionOrCommand::CodeAction(a) => a,
            CodeActionOrCommand::Command(c) => panic!("a command: {c:?}"),
        })
        .collect();
    let [fix, disable] = actions.as_slice() else { panic!("{actions:#?}") };
    assert_eq!(fix.is_preferred, Some(true));
    assert_eq!(fix.kind, Some(lsp_types::CodeActionKind::QUICKFIX));
    let edits = |a: &lsp_types::CodeAction| {
        let changes = a.edit.as_ref().unwrap().changes.as_ref().unwrap();
        let (u, edits) = changes.iter().next().unwrap();
        assert_eq!(u.as_str(), doc_uri);
        edits.iter().map(|e| (e.range, e.new_text.clone())).collect::<Vec<_>>()
    };
    assert_eq!(edits(fix), [(range(2, 3, 2, 18), "9 February 1990".to_owned())]);
    assert_eq!(disable.title, "Disable misdated for this line");
    assert_eq!(
        edits(disable),
        [(range(2, 0, 2, 0), "<!-- quotelint-disable-next-line misdated -->\n".to_owned())]
    );

    // Incremental changes: "1991" corrected, and the finding goes.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": doc_uri, "version": 2},
               "contentChanges": [{"range": range(2, 14, 2, 18), "text": "1990"}]}),
    );
    assert_eq!(client.diagnostics(2).diagnostics, []);
    // Two changes in one message, in order: "Ä🙂 " (four UTF-16 units) inserted after the
    // date's dash, then the year made wrong again; the quotation moves four units on.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": doc_uri, "version": 3},
               "contentChanges": [{"range": range(2, 21, 2, 21), "text": "Ä🙂 "},
                                  {"range": range(2, 14, 2, 18), "text": "1991"}]}),
    );
    let published = client.diagnostics(3);
    let [d] = published.diagnostics.as_slice() else { panic!("{:#?}", published.diagnostics) };
    assert_eq!(d.range, range(2, 66, 2, 144));
    client.notify("textDocument/didSave", json!({"textDocument": {"uri": doc_uri}}));
    client.notify("textDocument/didClose", json!({"textDocument": {"uri": doc_uri}}));
    let closed =
        client.wait(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"].is_null());
    assert_eq!(closed["params"]["diagnostics"], json!([]));
    assert_eq!(client.shown(), []);
    client.finish();
}

/// A configuration that does not load is shown to the user, and the folder is checked with the
/// defaults; a document that cannot be checked is one `unreadable` diagnostic; a request the
/// server does not know is an error response; the server goes on through all of it. In the
/// middle of a paragraph, "disable for this line" is an inline comment at the end of the line
/// before, so that the paragraph is not split.
#[test]
fn bad_input_is_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    std::fs::write(root.join("quotelint.yaml"), "checks: [\n").unwrap();
    let mut client = Client::start(&root, &[]);
    initialize(&mut client, &root);

    let refused = uri(&root.join("tagged.md"));
    let text = "---\ntitle: !custom x\n---\n\nText.\n";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": refused, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let published = client.diagnostics(1);
    let [d] = published.diagnostics.as_slice() else { panic!("{:#?}", published.diagnostics) };
    assert_eq!(d.code, Some(NumberOrString::String("unreadable".into())));
    assert!(d.message.contains("YAML tag `!custom` is not supported"), "{}", d.message);

    let unknown = client.send_raw_request("quotelint/unknown");
    assert_eq!(unknown["error"]["code"], -32601);

    let article = uri(&root.join("intro.md"));
    let text = format!("Intro line.\n{}", ARTICLE.lines().nth(2).unwrap());
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": article, "languageId": "markdown", "version": 7, "text": text}}),
    );
    // The defaults apply (the configuration did not load): `unsourced` too.
    let published = client.diagnostics(7);
    let codes: Vec<_> = published.diagnostics.iter().map(|d| d.code.clone().unwrap()).collect();
    assert_eq!(
        codes,
        [NumberOrString::String("misdated".into()), NumberOrString::String("unsourced".into())]
    );
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": article}, "range": published.diagnostics[0].range, "context": {"diagnostics": []}}),
    );
    let disable = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Disable misdated for this line")
        .unwrap_or_else(|| panic!("{actions:#}"));
    let edit = &disable["edit"]["changes"][&article][0];
    assert_eq!(edit["range"], json!(range(0, 11, 0, 11)));
    assert_eq!(edit["newText"], " <!-- quotelint-disable-next-line misdated -->");

    let shown = client.shown();
    let [message] = shown.as_slice() else { panic!("{shown:#?}") };
    assert_eq!(message.typ, lsp_types::MessageType::ERROR);
    assert!(message.message.contains("quotelint.yaml"), "{}", message.message);
    client.finish();
}

/// Related information points at the speaker at fault, and hover marks the article's wording
/// where it differs from the record's.
#[test]
fn related_information_and_differences() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let mut client = Client::start(&root, &["--isolated"]);
    initialize(&mut client, &root);
    let article = uri(&root.join("genscher.md"));
    let text = "On 9 February 1990 Genscher told Gorbachev there would be \"no extension of NATO’s jurisdiction for troops of NATO one inch to the east.\" ([memo](https://x.org/a))\n";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": article, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let published = client.diagnostics(1);
    let misattributed = published
        .diagnostics
        .iter()
        .find(|d| d.code == Some(NumberOrString::String("misattributed".into())))
        .unwrap_or_else(|| panic!("{:#?}", published.diagnostics));
    let related = misattributed.related_information.as_ref().expect("related information");
    let speaker = related.iter().find(|r| r.location.range == range(0, 19, 0, 27));
    assert!(speaker.is_some_and(|r| r.location.uri.as_str() == article), "{related:#?}");
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": article}, "position": {"line": 0, "character": 80}}),
    );
    let hover: Hover = serde_json::from_value(hover).unwrap();
    let HoverContents::Markup(markup) = hover.contents else { panic!("markup") };
    assert!(markup.value.contains("**The article's wording:** ~~forces~~ → **troops**"), "{}", markup.value);
    // On the speaker's name: the person and their recorded roles.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": article}, "position": {"line": 0, "character": 22}}),
    );
    let hover: Hover = serde_json::from_value(hover).unwrap();
    let HoverContents::Markup(markup) = hover.contents else { panic!("markup") };
    assert_eq!(hover.range, Some(range(0, 19, 0, 27)));
    assert!(markup.value.starts_with("**Hans-Dietrich Genscher**"), "{}", markup.value);
    assert!(markup.value.contains("- Federal Minister for Foreign Affairs of the Federal Republic of Germany (1974-05-17 – 1992-05-17)"), "{}", markup.value);
    client.finish();
}

/// A real editor's client: Neovim, headless, runs tests/nvim/server.lua against the server on
/// an article with a misdated quotation, waits for its diagnostics and hovers. Skipped, saying
/// so, when `nvim` is not installed (unless `QUOTELINT_REQUIRE_NVIM` is set, as .ci/run sets it).
#[test]
fn neovim_shows_the_diagnostics_and_the_hover() {
    if Command::new("nvim").arg("--version").output().is_err() {
        assert!(std::env::var_os("QUOTELINT_REQUIRE_NVIM").is_none(), "nvim is required but not installed");
        eprintln!("skipped: nvim is not installed (apt-get install neovim)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let article = root.join("baker.md");
    std::fs::write(&article, ARTICLE).unwrap();
    let result = root.join("result.json");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/nvim/server.lua");
    let mut nvim = Command::new("nvim")
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("QUOTELINT_BIN", env!("CARGO_BIN_EXE_quotelint"))
        .env("QUOTELINT_ARTICLE", &article)
        .env("QUOTELINT_RESULT", &result)
        .current_dir(&root)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + WAIT;
    while nvim.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = nvim.kill();
            panic!("Neovim did not finish");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let seen: Value = serde_json::from_str(&std::fs::read_to_string(&result).unwrap()).unwrap();
    assert!(seen["error"].is_null(), "{seen:#}");
    let diagnostics = seen["diagnostics"].as_array().unwrap();
    // The article cites nothing, and the server runs `--isolated`: `unsourced` too.
    let [d, unsourced] = diagnostics.as_slice() else { panic!("{seen:#}") };
    assert_eq!(
        (&d["code"], &d["source"], &d["severity"]),
        (&json!("misdated"), &json!("quotelint"), &json!(1))
    );
    assert_eq!(unsourced["code"], "unsourced");
    // Neovim turns the protocol's UTF-16 columns into byte columns: 61 characters before the
    // quotation, two dashes of three bytes and an emoji of four make byte 68.
    assert_eq!((&d["lnum"], &d["col"]), (&json!(2), &json!(68)));
    let hover = seen["hover"].as_str().unwrap_or_else(|| panic!("no hover: {seen:#}"));
    assert!(hover.contains("**James Baker**") && hover.contains("**Date:** 1990-02-09"), "{hover}");
}

/// A burst of changes (sent at once, as a paste or an editor's replay sends them) is checked
/// once no change has come for a few milliseconds, not once per change; the last version's
/// diagnostics are published.
#[test]
fn a_burst_of_changes_is_checked_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let mut client = Client::start(&root, &["--isolated"]);
    initialize(&mut client, &root);
    let article = uri(&root.join("burst.md"));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": article, "languageId": "markdown", "version": 1, "text": ARTICLE}}),
    );
    client.diagnostics(1);
    for version in 2..=21 {
        let year = if version % 2 == 0 { "1990" } else { "1991" };
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": article, "version": version},
                   "contentChanges": [{"range": range(2, 14, 2, 18), "text": year}]}),
        );
    }
    // The last version has 1991 again: misdated, and unsourced.
    assert_eq!(client.diagnostics(21).diagnostics.len(), 2);
    let checked = client.seen.iter().filter(|m| m["method"] == "textDocument/publishDiagnostics").count();
    assert!(checked < 10, "{checked} of 20 changes checked one by one");
    client.finish();
}

/// `initializationOptions` turn checks off and name the documentation's link; UTF-8 positions
/// are used when the client offers them; the server asks
/// to watch configurations, and a changed one is loaded again and the open documents checked
/// again under it.
#[test]
fn options_and_a_changed_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let mut client = Client::start(&root, &[]);
    let result = client.request(
        "initialize",
        json!({"capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
                                "general": {"positionEncodings": ["utf-8", "utf-16"]}},
               "workspaceFolders": [{"uri": uri(&root), "name": "articles"}],
               "initializationOptions": {"disable": ["unsourced"], "checkDocsUrl": "https://example.org/checks#{code}"}}),
    );
    let init = serde_json::from_value::<InitializeResult>(result).unwrap();
    assert_eq!(init.capabilities.position_encoding, Some(lsp_types::PositionEncodingKind::UTF8));
    client.notify("initialized", json!({}));
    let article = uri(&root.join("baker.md"));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": article, "languageId": "markdown", "version": 1, "text": ARTICLE}}),
    );
    let published = client.diagnostics(1);
    let [d] = published.diagnostics.as_slice() else { panic!("{:#?}", published.diagnostics) };
    assert_eq!(d.severity, Some(DiagnosticSeverity::ERROR));
    assert_eq!(d.code_description.as_ref().unwrap().href.as_str(), "https://example.org/checks#misdated");
    // UTF-8 offered and agreed: columns are bytes (the byte columns Neovim shows).
    assert_eq!(d.range, range(2, 68, 2, 148));
    let register =
        client.seen.iter().find(|m| m["method"] == "client/registerCapability").expect("a registration");
    let registration: lsp_types::RegistrationParams =
        serde_json::from_value(register["params"].clone()).unwrap();
    assert_eq!(registration.registrations[0].method, "workspace/didChangeWatchedFiles");

    std::fs::write(root.join("quotelint.yaml"), "checks:\n  misdated: warning\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&root.join("quotelint.yaml")), "type": 1}]}),
    );
    let published = client.diagnostics(1);
    let [d] = published.diagnostics.as_slice() else { panic!("{:#?}", published.diagnostics) };
    assert_eq!(d.severity, Some(DiagnosticSeverity::WARNING));
    client.finish();
}

/// The code action of the quotation at `range` whose title starts with `title`, if offered.
fn action_titled(client: &mut Client, doc: &str, range: Range, title: &str) -> Option<lsp_types::CodeAction> {
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": doc}, "range": range, "context": {"diagnostics": []}}),
    );
    let actions: Vec<CodeActionOrCommand> = serde_json::from_value(actions).unwrap();
    actions.into_iter().find_map(|a| match a {
        CodeActionOrCommand::CodeAction(a) if a.title.starts_with(title) => Some(a),
        _ => None,
    })
}

/// The hover's text at `position` of `doc`.
fn hover_text(client: &mut Client, doc: &str, position: Position) -> String {
    let hover =
        client.request("textDocument/hover", json!({"textDocument": {"uri": doc}, "position": position}));
    let hover: Hover = serde_json::from_value(hover.clone()).unwrap_or_else(|e| panic!("{e}: {hover}"));
    let HoverContents::Markup(markup) = hover.contents else { panic!("markup") };
    markup.value
}

/// Applies a workspace edit's `documentChanges` to the files on disk, as an editor does once
/// it saves them: a file created, then each text edit (here, insertions) made.
fn apply_to_disk(edit: &lsp_types::WorkspaceEdit) -> Vec<std::path::PathBuf> {
    use lsp_types::{DocumentChangeOperation, DocumentChanges, OneOf, ResourceOp};
    let Some(DocumentChanges::Operations(operations)) = &edit.document_changes else { panic!("{edit:#?}") };
    let path = |uri: &lsp_types::Uri| std::path::PathBuf::from(uri.as_str().strip_prefix("file://").unwrap());
    let mut written = Vec::new();
    for op in operations {
        match op {
            DocumentChangeOperation::Op(ResourceOp::Create(c)) => {
                let file = path(&c.uri);
                assert!(!file.exists(), "{} created over an existing file", file.display());
                std::fs::create_dir_all(file.parent().unwrap()).unwrap();
                std::fs::write(&file, "").unwrap();
            }
            DocumentChangeOperation::Op(other) => panic!("{other:?}"),
            DocumentChangeOperation::Edit(e) => {
                let file = path(&e.text_document.uri);
                let mut text = std::fs::read_to_string(&file).unwrap();
                for edit in &e.edits {
                    let OneOf::Left(edit) = edit else { panic!("{edit:?}") };
                    assert_eq!(edit.range.start, edit.range.end, "an insertion");
                    // At the end of the file: its last line, after its last character.
                    let lines = text.split('\n').count() as u32 - 1;
                    let last = text.rsplit('\n').next().unwrap().encode_utf16().count() as u32;
                    assert_eq!(edit.range.start, Position::new(lines, last), "{text}");
                    text.push_str(&edit.new_text);
                }
                std::fs::write(&file, text).unwrap();
                written.push(file);
            }
        }
    }
    written
}

/// "Add to my record": offered on an attributed, cited quotation the record lacks once a user
/// record is configured (not before; not on a recorded, uncited or unattributed quotation), its edit
/// appends the harvested entries to the record's files (a new person's stub in a file created,
/// the quotation after the entries a file already holds), and once they are saved and the
/// editor reports it, the quotation is recorded: its hover shows the new entry, and the
/// action is no longer offered.
#[allow(clippy::mutable_key_type)]
#[test]
fn add_to_my_record() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    std::fs::write(root.join("quotelint.yaml"), "checks:\n  unsourced: off\n").unwrap();
    let quotations = root.join("records/quotations/harvested.yaml");
    std::fs::create_dir_all(quotations.parent().unwrap()).unwrap();
    let earlier = "# harvested earlier\nquotations:\n- id: lavrov-2022-01-10-talks-will-continue\n  speaker: lavrov\n  text: talks will continue only if the answers come in writing\n  date: 2022-01-10\n  confidence: low\n";
    std::fs::write(&quotations, earlier).unwrap();
    let mut client = Client::start(&root, &[]);
    client.request(
        "initialize",
        json!({"capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true},
                                              "workspaceEdit": {"documentChanges": true, "resourceOperations": ["create"]}}},
               "workspaceFolders": [{"uri": uri(&root), "name": "articles"}]}),
    );
    client.notify("initialized", json!({}));
    let article = uri(&root.join("ports.md"));
    let text = "\"Our ports will stay open to every allied ship,\" said Marta Illescas on 3 May 2021, in an interview with El País ([text](https://example.org/a)).\n\n\"Nothing about the harbour fees has been decided here,\" said Marta Illescas.\n\n".to_owned() + ARTICLE.lines().nth(2).unwrap() + " ([memo](https://example.org/m))\n\nThe minister spoke later. \"Nothing about the harbour fees has been decided at all,\" someone said ([x](https://example.org/b)).\n";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": article, "languageId": "markdown", "version": 1, "text": text}}),
    );
    client.diagnostics(1);
    let ports = range(0, 5, 0, 5);
    let (uncited, recorded, unattributed) = (range(2, 5, 2, 5), range(4, 70, 4, 70), range(6, 30, 6, 30));
    let title = "Add to my record";
    assert!(
        hover_text(&mut client, &article, ports.start).contains("matches none of the record's quotations")
    );
    // No user record: not offered.
    assert_eq!(action_titled(&mut client, &article, ports, title), None);

    std::fs::write(root.join("quotelint.yaml"), "checks:\n  unsourced: off\nrules: [records]\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&root.join("quotelint.yaml")), "type": 2}]}),
    );
    client.diagnostics(1);
    let action = action_titled(&mut client, &article, ports, title).expect("add to my record");
    assert_eq!(action.title, "Add to my record as `illescas-2021-05-03-our-ports-will`");
    assert_eq!(action_titled(&mut client, &article, uncited, title), None, "not cited");
    assert_eq!(action_titled(&mut client, &article, recorded, title), None, "in the record");
    assert!(hover_text(&mut client, &article, unattributed.start).contains("matches none"));
    assert_eq!(action_titled(&mut client, &article, unattributed, title), None, "no speaker");

    let written = apply_to_disk(action.edit.as_ref().unwrap());
    let people = root.join("records/people/harvested.yaml");
    assert_eq!(written, [people.clone(), quotations.clone()]);
    let people = std::fs::read_to_string(&people).unwrap();
    assert!(people.contains("- id: illescas\n  name: Marta Illescas\n"), "{people}");
    let after = std::fs::read_to_string(&quotations).unwrap();
    let appended = after.strip_prefix(earlier).unwrap_or_else(|| panic!("{after}"));
    assert!(appended.starts_with("- id: illescas-2021-05-03-our-ports-will\n"), "{appended}");
    assert!(appended.contains("publication: ports.md"), "{appended}");

    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&quotations), "type": 2}]}),
    );
    client.diagnostics(1);
    let hover = hover_text(&mut client, &article, ports.start);
    assert!(
        hover.contains("**Marta Illescas** (record entry `illescas-2021-05-03-our-ports-will`)"),
        "{hover}"
    );
    assert_eq!(action_titled(&mut client, &article, ports, title), None, "recorded now");
    assert_eq!(client.shown(), []);
    client.finish();
}

/// Requests cancelled before they are answered are answered with `RequestCanceled` (-32800):
/// a hover written with its cancellation in one write (read in one batch), and a hover read
/// while a change waits for its check; a request not cancelled is answered as usual, after
/// the change is checked.
#[test]
fn cancelled_requests_are_answered_as_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let mut client = Client::start(&root, &["--isolated"]);
    initialize(&mut client, &root);
    let article = uri(&root.join("baker.md"));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": article, "languageId": "markdown", "version": 1, "text": ARTICLE}}),
    );
    client.diagnostics(1);
    let hover = |id: i64| {
        json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover",
        "params": {"textDocument": {"uri": article}, "position": {"line": 2, "character": 70}}})
    };
    let cancel = |id: i64| json!({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": id}});
    let change = json!({"jsonrpc": "2.0", "method": "textDocument/didChange",
        "params": {"textDocument": {"uri": article, "version": 2},
                   "contentChanges": [{"range": range(2, 14, 2, 18), "text": "1990"}]}});
    // All in one write, so that the server reads them together.
    let mut bytes = Vec::new();
    for m in [hover(101), cancel(101), change, hover(102), hover(103), cancel(103)] {
        let body = m.to_string();
        bytes.extend(format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes());
    }
    client.stdin.write_all(&bytes).unwrap();
    client.stdin.flush().unwrap();
    let cancelled = client.response(101);
    assert_eq!(cancelled["error"]["code"], -32800, "{cancelled:#}");
    let cancelled = client.response(103);
    assert_eq!(cancelled["error"]["code"], -32800, "{cancelled:#}");
    let answered: Hover = serde_json::from_value(client.response(102)["result"].clone()).unwrap();
    assert_eq!(answered.range, Some(range(2, 62, 2, 140)));
    // Answered after the check of the change: the year corrected, no misdated.
    let published = client.seen.iter().find(|m| m["params"]["version"] == 2).expect("version 2 checked");
    let published: PublishDiagnosticsParams = serde_json::from_value(published["params"].clone()).unwrap();
    let codes: Vec<_> = published.diagnostics.iter().map(|d| d.code.clone().unwrap()).collect();
    assert_eq!(codes, [NumberOrString::String("unsourced".into())]);
    client.finish();
}

/// A document larger than the configuration's `max-file-size` is not checked: one
/// `unreadable` diagnostic says so, and once it is cut below the limit it is checked again.
#[test]
fn a_document_over_the_size_limit_is_not_checked() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    std::fs::write(root.join("quotelint.yaml"), "max-file-size: 1KiB\nchecks:\n  unsourced: off\n").unwrap();
    let mut client = Client::start(&root, &[]);
    initialize(&mut client, &root);
    let article = uri(&root.join("long.md"));
    let filler = "Words that say nothing. ".repeat(50) + "\n\n";
    let text = format!("{filler}{ARTICLE}");
    assert!(text.len() > 1024);
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": article, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let published = client.diagnostics(1);
    let [d] = published.diagnostics.as_slice() else { panic!("{:#?}", published.diagnostics) };
    assert_eq!(d.code, Some(NumberOrString::String("unreadable".into())));
    assert_eq!(d.range, range(0, 0, 0, 0));
    let expected = format!("not checked: larger than the 1 KiB limit ({} bytes)", text.len());
    assert!(d.message.starts_with(&expected), "{}", d.message);
    // The filler cut: under the limit, checked.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": article, "version": 2},
               "contentChanges": [{"range": range(0, 0, 2, 0), "text": ""}]}),
    );
    let published = client.diagnostics(2);
    let codes: Vec<_> = published.diagnostics.iter().map(|d| d.code.clone().unwrap()).collect();
    assert_eq!(codes, [NumberOrString::String("misdated".into())]);
    client.finish();
}

/// The server's resident memory, in KiB.
#[cfg(target_os = "linux")]
fn rss_kib(client: &Client) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{}/status", client.child.id())).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// A record replaced on reload is freed: over 40 reloads of a configuration with a user record,
/// resident memory grows by far less than the records loaded (each about 1.4 MB: 57 MB for 40
/// kept; see docs/performance.md for the figures measured over 200).
#[cfg(target_os = "linux")]
#[test]
fn reloaded_records_are_freed() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    std::fs::create_dir(root.join("records")).unwrap();
    let mine = "quotations:\n- id: baker-mine\n  speaker: baker\n  text: A remark of my own record, for the test.\n  confidence: low\n";
    std::fs::write(root.join("records/mine.yaml"), mine).unwrap();
    let config = root.join("quotelint.yaml");
    std::fs::write(&config, "rules: [records]\n").unwrap();
    let mut client = Client::start(&root, &[]);
    initialize(&mut client, &root);
    let article = uri(&root.join("baker.md"));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": article, "languageId": "markdown", "version": 1, "text": ARTICLE}}),
    );
    client.diagnostics(1);
    let reload = |client: &mut Client| {
        client.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": uri(&config), "type": 2}]}),
        );
        client.diagnostics(1);
    };
    for _ in 0..5 {
        reload(&mut client);
    }
    let early = rss_kib(&client);
    for _ in 0..40 {
        reload(&mut client);
    }
    let late = rss_kib(&client);
    assert!(late < early + 20_000, "{early} KiB after 5 reloads, {late} KiB after 45");
    assert_eq!(client.shown(), []);
    client.finish();
}
