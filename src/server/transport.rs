//! Standard input and output for the server, as [`lsp_server`]'s stdio transport does it (a
//! thread reads, one writes, messages framed and parsed by [`lsp_server::Message`]), with one
//! difference: the messages that arrive together are handed over together. lsp-server's reader
//! hands over one message at a time, so a `$/cancelRequest` written with its request could
//! only be seen after the request was answered; here the loop sees both at once, and the
//! request is answered as cancelled (see `serve`).

use std::io::{self, BufReader};
use std::sync::mpsc;
use std::thread::JoinHandle;

use lsp_server::Message;

/// The input's buffer: a batch is what this holds, at most.
const BUFFER: usize = 1 << 16;

/// The most messages of one batch, however fast they arrive: memory is bounded by the batch.
const MAX_BATCH: usize = 256;

pub struct Transport {
    /// Each batch: the messages read with nothing more waiting in the input after them.
    pub receiver: mpsc::Receiver<Vec<Message>>,
    pub sender: mpsc::Sender<Message>,
    reader: JoinHandle<io::Result<()>>,
    writer: JoinHandle<io::Result<()>>,
}

impl Transport {
    pub fn stdio() -> Transport {
        // One batch waits at most while the loop works: input read on is held back, as
        // lsp-server's reader holds it back, so that a client writing faster than the server
        // checks fills the pipe, not the server's memory.
        let (to_loop, receiver) = mpsc::sync_channel(1);
        let reader = std::thread::spawn(move || {
            let mut input = BufReader::with_capacity(BUFFER, io::stdin());
            let mut batch = Vec::new();
            let ended = loop {
                let message = match Message::read(&mut input) {
                    Ok(Some(m)) => m,
                    Ok(None) => break Ok(()),
                    Err(e) => break Err(e),
                };
                let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                batch.push(message);
                if exit {
                    break Ok(()); // the batch, `exit` last, is handed over below
                }
                // A message in part only waits for its rest: the client is writing it. A client
                // that never pauses still has its messages handed over, MAX_BATCH at a time.
                let due = input.buffer().is_empty() || batch.len() >= MAX_BATCH;
                if due && to_loop.send(std::mem::take(&mut batch)).is_err() {
                    break Ok(());
                }
            };
            if !batch.is_empty() {
                let _ = to_loop.send(batch);
            }
            ended
        });
        let (sender, from_loop) = mpsc::channel::<Message>();
        let writer = std::thread::spawn(move || {
            let mut out = io::stdout().lock();
            from_loop.into_iter().try_for_each(|m| m.write(&mut out))
        });
        Transport { receiver, sender, reader, writer }
    }

    /// Waits for both threads once the loop has dropped its ends: the reader ends at `exit` or
    /// at the end of the input, the writer once all is written.
    pub fn join(self) -> io::Result<()> {
        let Transport { receiver, sender, reader, writer } = self;
        drop((receiver, sender));
        let written = writer.join().unwrap_or_else(|_| Err(io::Error::other("the writer panicked")));
        let read = reader.join().unwrap_or_else(|_| Err(io::Error::other("the reader panicked")));
        read.and(written)
    }
}
