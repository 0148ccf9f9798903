//! `quotelint server`: the Language Server Protocol over standard input and output.
//!
//! Synchronous, on [`lsp_server`]'s messages (as rust-analyzer is): a check takes milliseconds,
//! so one loop reads the messages that came together, handles them, and re-checks the documents
//! changed once no message has come for [`DEBOUNCE`] (a burst of edits is checked once, at its
//! last version); a request cancelled before its answer is answered as cancelled. Each
//! workspace folder's configuration is discovered as `check` discovers it, and its record
//! loaded once (again when the editor reports a changed configuration or YAML file); a problem
//! in either is shown to the user (`window/showMessage`) and the folder falls back to the
//! defaults. A document that cannot be checked gets one `unreadable` diagnostic; a bug that
//! panics is a message, not the end of the server.

mod convert;
mod document;
mod record_edit;
mod transport;

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{notification, request, CodeActionOrCommand, Uri};

use crate::cli::{Failure, Outcome, RecordArgs};
use crate::config::Config;
use crate::engine::{Engine, Settings};
use crate::record::{LoadOptions, Record};
use document::Document;

/// The default link of a diagnostic's `codeDescription`: `{code}` stands for the check's code.
/// An editor may pass its own in `initializationOptions.checkDocsUrl` (the team's copy of
/// docs/checks.md, say); this one names the command that explains the check.
pub const DEFAULT_DOCS_URL: &str = "quotelint://explain/{code}";

/// Runs the server until the client asks it to exit (exit 0 after `shutdown`, 1 without, as
/// the protocol asks) or closes its end.
pub fn run(args: &RecordArgs) -> Result<Outcome, Failure> {
    let transport = transport::Transport::stdio();
    let served = serve(&transport.receiver, &transport.sender, args);
    let io = transport.join();
    match served {
        Ok(true) => Ok(Outcome::Clean),
        Ok(false) => Ok(Outcome::Findings),
        Err(e) => {
            let io = io.err().map_or(String::new(), |e| format!(" (I/O: {e})"));
            Err(Failure::message(format!("language server: {e}{io}")))
        }
    }
}

/// The `initialize` request's id and parameters, once it comes, and the messages that came
/// with it; requests before it are answered with an error, notifications dropped (as
/// lsp-server's `initialize_start` does).
fn initialize_start(
    input: &Receiver<Vec<Message>>,
    output: &Sender<Message>,
) -> Result<(RequestId, serde_json::Value, VecDeque<Message>), String> {
    loop {
        let mut batch: VecDeque<Message> =
            input.recv().map_err(|_| "the client left before initialize")?.into();
        while let Some(message) = batch.pop_front() {
            match message {
                Message::Request(req) if req.method == request::Initialize::METHOD => {
                    return Ok((req.id, req.params, batch))
                }
                Message::Request(req) => {
                    let error = Response::new_err(
                        req.id,
                        ErrorCode::ServerNotInitialized as i32,
                        format!("expected initialize, got {}", req.method),
                    );
                    let _ = output.send(error.into());
                }
                Message::Notification(n) if n.method == notification::Exit::METHOD => {
                    return Err("exit before initialize".into())
                }
                _ => {}
            }
        }
    }
}

/// The session; returns whether it ended with `shutdown` then `exit`.
///
/// Messages come in batches (those that arrived together). A request is answered once every
/// message before it is handled, except that one read while changed documents wait for their
/// check (debounced) waits with them, to be answered on the checked text. A request cancelled
/// (`$/cancelRequest`) before it is answered, in its batch or while it waits, is answered with
/// the error `RequestCanceled`, as the protocol asks.
fn serve(
    input: &Receiver<Vec<Message>>,
    output: &Sender<Message>,
    args: &RecordArgs,
) -> Result<bool, String> {
    let (id, params, mut queue) = initialize_start(input, output)?;
    let params: lsp_types::InitializeParams = serde_json::from_value(params).unwrap_or_default();
    // UTF-8 positions are byte offsets, with nothing to count, when the client offers them.
    let offered = params.capabilities.general.as_ref().and_then(|g| g.position_encodings.as_ref());
    let utf8 = offered.is_some_and(|e| e.contains(&lsp_types::PositionEncodingKind::UTF8));
    let result = serde_json::json!({
        "capabilities": convert::capabilities(utf8),
        "serverInfo": { "name": "quotelint", "version": env!("CARGO_PKG_VERSION") },
    });
    let _ = output.send(Response::new_ok(id, result).into());
    let mut session = Session::new(output.clone(), args, &params);
    session.utf8 = utf8;
    session.watch(&params);
    let mut shut_down = false;
    // Since when documents have waited to be checked.
    let mut waiting: Option<Instant> = None;
    // Requests read while documents waited, to be answered after their check.
    let mut deferred: VecDeque<Request> = VecDeque::new();
    // Requests of the queue cancelled before their turn.
    let mut cancelled: HashSet<RequestId> = HashSet::new();
    let mut batch = Some(std::mem::take(&mut queue).into_iter().collect::<Vec<_>>());
    loop {
        if let Some(batch) = batch.take() {
            for message in batch {
                let Some(id) = cancel_of(&message) else {
                    queue.push_back(message);
                    continue;
                };
                if let Some(at) = deferred.iter().position(|r| r.id == id) {
                    let req = deferred.remove(at).expect("a position of the queue");
                    session.send(canceled(req.id));
                } else if queue.iter().any(|m| matches!(m, Message::Request(r) if r.id == id)) {
                    cancelled.insert(id);
                }
            }
        }
        let Some(message) = queue.pop_front() else {
            // Debounced: changed documents are checked once no message has come for DEBOUNCE,
            // or once they have waited MAX_WAIT through a stream of messages.
            batch = match waiting {
                Some(since) if since.elapsed() >= MAX_WAIT => None,
                Some(_) => match input.recv_timeout(DEBOUNCE) {
                    Ok(b) => Some(b),
                    Err(mpsc::RecvTimeoutError::Timeout) => None,
                    Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(false),
                },
                None => match input.recv() {
                    Ok(b) => Some(b),
                    Err(_) => return Ok(false),
                },
            };
            if batch.is_none() {
                session.guarded(Session::flush);
                waiting = None;
                for req in std::mem::take(&mut deferred) {
                    session.guarded(|s| s.request(req));
                }
            }
            continue;
        };
        match message {
            Message::Request(req) if cancelled.remove(&req.id) => session.send(canceled(req.id)),
            // After `shutdown`, requests are errors and notifications ignored, until `exit`.
            Message::Request(req) if shut_down => session.send(Response::new_err(
                req.id,
                ErrorCode::InvalidRequest as i32,
                "the server is shut down".into(),
            )),
            Message::Request(req) if req.method == request::Shutdown::METHOD => {
                for req in std::mem::take(&mut deferred) {
                    session.guarded(|s| s.request(req));
                }
                shut_down = true;
                session.send(Response::new_ok(req.id, ()));
            }
            Message::Request(req) if waiting.is_some() => deferred.push_back(req),
            Message::Request(req) => session.guarded(|s| s.request(req)),
            Message::Notification(n) if n.method == notification::Exit::METHOD => return Ok(shut_down),
            Message::Notification(_) if shut_down => {}
            Message::Notification(n) => session.guarded(|s| s.notify(n)),
            Message::Response(_) => {}
        }
        if waiting.is_none() && session.documents.values().any(|d| d.dirty) {
            waiting = Some(Instant::now());
        }
    }
}

/// The id a `$/cancelRequest` notification cancels.
fn cancel_of(message: &Message) -> Option<RequestId> {
    let Message::Notification(n) = message else { return None };
    if n.method != notification::Cancel::METHOD {
        return None;
    }
    let params: lsp_types::CancelParams = serde_json::from_value(n.params.clone()).ok()?;
    Some(match params.id {
        lsp_types::NumberOrString::Number(n) => RequestId::from(n),
        lsp_types::NumberOrString::String(s) => RequestId::from(s),
    })
}

fn canceled(id: RequestId) -> Response {
    Response::new_err(id, ErrorCode::RequestCanceled as i32, "cancelled".into())
}

/// How long the server waits after a change for another before checking: a burst of changes
/// (a paste, an editor's replay, keys typed faster than a check) is checked once, at its last
/// version, for a few milliseconds of latency (docs/performance.md). (lsp-server's channel
/// holds no queue to look at: its reader hands over one message at a time.)
const DEBOUNCE: Duration = Duration::from_millis(5);

/// The longest a changed document waits to be checked while messages keep coming.
const MAX_WAIT: Duration = Duration::from_millis(100);

self_cell::self_cell!(
    /// A folder's record and the engine over it, freed together when the folder's
    /// configuration is loaded again (findings and quotations do not borrow the record).
    struct Checker {
        owner: Record,
        #[covariant]
        dependent: Engine,
    }
);

/// A workspace folder: its configuration's engine, over its record (loaded at start and again
/// when a configuration changes; see [`Session::reload`]).
struct Folder {
    root: Option<PathBuf>,
    checker: Checker,
    /// How articles are read, for the harvest of "add to my record".
    extract: crate::extract::Options,
    /// The user record that "add to my record" appends to, if one is configured.
    target: Option<record_edit::Target>,
    /// The configuration's `max-file-size`.
    max_file_size: u64,
}

struct Session<'c> {
    output: Sender<Message>,
    args: &'c RecordArgs,
    /// The workspace folders, longest root first; the last has no root and serves documents
    /// outside them all.
    folders: Vec<Folder>,
    documents: HashMap<Uri, Document>,
    options: Options,
    /// Positions count UTF-8 bytes (agreed at initialize), UTF-16 units otherwise.
    utf8: bool,
    /// The workspace edits the client can apply.
    abilities: record_edit::Abilities,
}

/// What an editor may set in `initializationOptions`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Options {
    /// The link of each diagnostic's `codeDescription`, `{code}` standing for the check's code.
    check_docs_url: Option<String>,
    /// Checks turned on or off over the configuration's, as `check --enable/--disable`.
    enable: Vec<String>,
    disable: Vec<String>,
}

impl<'c> Session<'c> {
    fn new(output: Sender<Message>, args: &'c RecordArgs, params: &lsp_types::InitializeParams) -> Self {
        let options = match params.initialization_options.clone().map(serde_json::from_value::<Options>) {
            None => Ok(Options::default()),
            Some(options) => options,
        };
        let mut session = Session {
            output,
            args,
            folders: Vec::new(),
            documents: HashMap::new(),
            options: Options::default(),
            utf8: false,
            abilities: record_edit::Abilities::of(params),
        };
        match options {
            Ok(options) => session.options = options,
            Err(e) => {
                session.show(lsp_types::MessageType::ERROR, format!("quotelint: initializationOptions: {e}"))
            }
        }
        let mut roots: Vec<PathBuf> =
            params.workspace_folders.iter().flatten().filter_map(|f| document::file_path(&f.uri)).collect();
        #[allow(deprecated)] // the root of clients without workspace folders
        if roots.is_empty() {
            roots.extend(params.root_uri.as_ref().and_then(document::file_path));
        }
        roots.sort_by_key(|r| std::cmp::Reverse(r.as_os_str().len()));
        session.load(roots.into_iter().map(Some).chain([None]).collect());
        session
    }

    /// Loads each folder's configuration and record, in place of those loaded before.
    fn load(&mut self, roots: Vec<Option<PathBuf>>) {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let mut shown = std::collections::HashSet::new();
        let mut folders = Vec::with_capacity(roots.len());
        for root in roots {
            let start = root.clone().unwrap_or_else(|| cwd.clone());
            let (folder, problems) = load_folder(self.args, &self.options, &start, root);
            // Folders sharing a configuration (the fallback's is often a folder's) say it once.
            for problem in problems.into_iter().filter(|p| shown.insert(p.clone())) {
                self.show(lsp_types::MessageType::ERROR, format!("quotelint: {problem}"));
            }
            folders.push(folder);
        }
        self.folders = folders;
    }

    /// A configuration or record file changed: every folder's are loaded again, once for all
    /// the changes the notification lists, and every open document checked again. The records
    /// replaced are freed with their folders.
    fn reload(&mut self) {
        let roots = self.folders.iter().map(|f| f.root.clone()).collect();
        self.load(roots);
        for doc in self.documents.values_mut() {
            doc.dirty = true;
        }
    }

    /// Asks the client to report changes to configurations and records, if it can.
    fn watch(&self, params: &lsp_types::InitializeParams) {
        let can = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files?.dynamic_registration);
        if can != Some(true) {
            return;
        }
        let watchers: Vec<_> = ["**/quotelint.yaml", "**/.quotelint.yaml", "**/*.yaml", "**/*.yml"]
            .iter()
            .map(|g| serde_json::json!({ "globPattern": g }))
            .collect();
        let registration = lsp_types::Registration {
            id: "quotelint-watch".into(),
            method: notification::DidChangeWatchedFiles::METHOD.into(),
            register_options: Some(serde_json::json!({ "watchers": watchers })),
        };
        let params = lsp_types::RegistrationParams { registrations: vec![registration] };
        self.send(Request::new(
            lsp_server::RequestId::from("quotelint-watch".to_owned()),
            request::RegisterCapability::METHOD.into(),
            params,
        ));
    }

    /// Runs `work`, turning a panic into a message to the user rather than the server's end.
    fn guarded(&mut self, work: impl FnOnce(&mut Self)) {
        let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(self)));
        if let Err(panic) = done {
            let what = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("unknown cause");
            self.show(
                lsp_types::MessageType::ERROR,
                format!("quotelint: internal error ({what}); please report it"),
            );
        }
    }

    fn docs_url(&self) -> &str {
        self.options.check_docs_url.as_deref().unwrap_or(DEFAULT_DOCS_URL)
    }

    fn send(&self, message: impl Into<Message>) {
        // The client gone: the loop ends at its next read.
        let _ = self.output.send(message.into());
    }

    fn show(&self, typ: lsp_types::MessageType, message: String) {
        let params = lsp_types::ShowMessageParams { typ, message };
        self.send(Notification::new(notification::ShowMessage::METHOD.into(), params));
    }

    fn folder_of(&self, path: Option<&Path>) -> usize {
        let last = self.folders.len() - 1;
        path.and_then(|p| {
            self.folders.iter().position(|f| f.root.as_deref().is_some_and(|r| p.starts_with(r)))
        })
        .unwrap_or(last)
    }

    fn notify(&mut self, n: Notification) {
        match n.method.as_str() {
            notification::DidOpenTextDocument::METHOD => {
                let Ok(p) = n.extract::<lsp_types::DidOpenTextDocumentParams>(
                    notification::DidOpenTextDocument::METHOD,
                ) else {
                    return;
                };
                let doc = p.text_document;
                let folder = self.folder_of(document::file_path(&doc.uri).as_deref());
                self.documents.insert(doc.uri, Document::new(doc.text, doc.version, folder, self.utf8));
            }
            notification::DidChangeTextDocument::METHOD => {
                let Ok(p) = n.extract::<lsp_types::DidChangeTextDocumentParams>(
                    notification::DidChangeTextDocument::METHOD,
                ) else {
                    return;
                };
                if let Some(doc) = self.documents.get_mut(&p.text_document.uri) {
                    doc.apply_changes(p.content_changes, p.text_document.version);
                }
            }
            notification::DidSaveTextDocument::METHOD => {
                let Ok(p) = n.extract::<lsp_types::DidSaveTextDocumentParams>(
                    notification::DidSaveTextDocument::METHOD,
                ) else {
                    return;
                };
                if let Some(doc) = self.documents.get_mut(&p.text_document.uri) {
                    doc.dirty = true;
                }
            }
            notification::DidCloseTextDocument::METHOD => {
                let Ok(p) = n.extract::<lsp_types::DidCloseTextDocumentParams>(
                    notification::DidCloseTextDocument::METHOD,
                ) else {
                    return;
                };
                if self.documents.remove(&p.text_document.uri).is_some() {
                    self.publish(p.text_document.uri, Vec::new(), None);
                }
            }
            notification::DidChangeWatchedFiles::METHOD => self.reload(),
            // `$/cancelRequest` is read as a batch comes in (see `serve`).
            _ => {}
        }
    }

    fn request(&mut self, req: Request) {
        let id = req.id.clone();
        let response = match req.method.as_str() {
            request::HoverRequest::METHOD => {
                match req.extract::<lsp_types::HoverParams>(request::HoverRequest::METHOD) {
                    Ok((_, p)) => {
                        let at = p.text_document_position_params;
                        let hover = self.checked(&at.text_document.uri).and_then(|(doc, folder)| {
                            convert::hover(doc, folder.checker.borrow_owner(), at.position)
                        });
                        Response::new_ok(id, hover)
                    }
                    Err(e) => invalid(id, e),
                }
            }
            request::CodeActionRequest::METHOD => {
                match req.extract::<lsp_types::CodeActionParams>(request::CodeActionRequest::METHOD) {
                    Ok((_, p)) => {
                        let uri = p.text_document.uri;
                        self.check(&uri);
                        let mut actions = self
                            .documents
                            .get(&uri)
                            .map(|doc| convert::code_actions(doc, &uri, p.range, self.docs_url()))
                            .unwrap_or_default();
                        actions.extend(self.record_action(&uri, p.range));
                        Response::new_ok(id, actions)
                    }
                    Err(e) => invalid(id, e),
                }
            }
            method => {
                Response::new_err(id, ErrorCode::MethodNotFound as i32, format!("unknown request {method}"))
            }
        };
        self.send(response);
    }

    /// "Add to my record" for the quotation in `range` of the (checked) document at `uri`, when
    /// its folder has a user record and the harvest proposes an entry for the quotation.
    fn record_action(&mut self, uri: &Uri, range: lsp_types::Range) -> Option<CodeActionOrCommand> {
        let doc = self.documents.get_mut(uri)?;
        let folder = &self.folders[doc.folder];
        let target = folder.target.as_ref()?;
        let (start, end) = (doc.offset(range.start), doc.offset(range.end));
        // A quotation matched strongly is in the record; the harvest tells the rest.
        let quoted = doc.quoted.iter().find(|q| {
            q.range.start <= end && start <= q.range.end && !q.matched.as_ref().is_some_and(|m| m.is_strong())
        })?;
        let at = quoted.range.clone();
        if let Some((_, action)) = doc.record_actions.iter().find(|(r, _)| *r == at) {
            return action.clone().map(CodeActionOrCommand::CodeAction);
        }
        let path = document::file_path(uri).unwrap_or_else(|| PathBuf::from(uri.as_str()));
        let label = folder.root.as_deref().and_then(|r| path.strip_prefix(r).ok()).unwrap_or(&path);
        let action = record_edit::action(
            doc,
            folder.checker.borrow_owner(),
            &folder.extract,
            &label.display().to_string(),
            at.clone(),
            target,
            self.abilities,
            folder.max_file_size,
        );
        doc.record_actions.push((at, action.clone()));
        action.map(CodeActionOrCommand::CodeAction)
    }

    /// The document at `uri`, checked at its latest version, and its folder.
    fn checked(&mut self, uri: &Uri) -> Option<(&Document, &Folder)> {
        self.check(uri);
        let doc = self.documents.get(uri)?;
        Some((doc, &self.folders[doc.folder]))
    }

    /// Checks the document at `uri` if it changed since its last check, and publishes what
    /// it found.
    fn check(&mut self, uri: &Uri) {
        let Some(doc) = self.documents.get_mut(uri) else { return };
        if !doc.dirty {
            return;
        }
        let path = document::file_path(uri).unwrap_or_else(|| PathBuf::from(uri.as_str()));
        let folder = &self.folders[doc.folder];
        doc.check(folder.checker.borrow_dependent(), &path, folder.max_file_size);
        let docs_url = self.options.check_docs_url.as_deref().unwrap_or(DEFAULT_DOCS_URL);
        let diagnostics = convert::diagnostics(doc, uri, docs_url);
        let version = Some(doc.version);
        self.publish(uri.clone(), diagnostics, version);
    }

    /// Checks every document changed since its last check.
    fn flush(&mut self) {
        let dirty: Vec<Uri> =
            self.documents.iter().filter(|(_, d)| d.dirty).map(|(u, _)| u.clone()).collect();
        for uri in dirty {
            self.check(&uri);
        }
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        let params = lsp_types::PublishDiagnosticsParams { uri, diagnostics, version };
        self.send(Notification::new(notification::PublishDiagnostics::METHOD.into(), params));
    }
}

fn invalid(id: lsp_server::RequestId, e: lsp_server::ExtractError<Request>) -> Response {
    Response::new_err(id, ErrorCode::InvalidParams as i32, format!("{e}"))
}

/// The folder at `root` with the configuration that applies at `start`, and the problems met
/// on the way: a configuration or record that does not load leaves the defaults in its place.
fn load_folder(
    args: &RecordArgs,
    options: &Options,
    start: &Path,
    root: Option<PathBuf>,
) -> (Folder, Vec<String>) {
    let mut problems = Vec::new();
    let mut failed = |f: Failure| {
        let mut lines: Vec<String> = f.diagnostics.iter().map(|d| d.to_string()).collect();
        lines.extend(f.summary);
        problems.push(lines.join("; "));
    };
    let config = crate::cli::resolve_config(args, start).unwrap_or_else(|mut f| {
        // The messages locate the problem in the file; the file is named here.
        let file = args.config.clone().or_else(|| crate::config::discover(start).ok().flatten());
        if let Some(file) = file {
            f.summary = Some(format!("{} ({})", f.summary.unwrap_or_default(), file.display()));
        }
        failed(f);
        Config::default()
    });
    let settings = crate::commands::check::settings_of(&config, &options.enable, &options.disable, false)
        .unwrap_or_else(|f| {
            failed(f);
            Settings::default()
        });
    let files = crate::cli::record_options(args, &config).for_checking();
    let target = record_edit::Target::of(&files.paths);
    let record = files.load().unwrap_or_else(|errors| {
        failed(Failure::record(errors));
        Record::load(&LoadOptions { for_checking: true, ..LoadOptions::default() }).unwrap_or_default()
    });
    let extract = settings.extract.clone();
    let max_file_size = config.max_file_size.value.0;
    let checker = Checker::new(record, |record| Engine::new(record, settings));
    (Folder { root, checker, extract, target, max_file_size }, problems)
}
