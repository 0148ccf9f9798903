// Starts `quotelint server` for Markdown files through vscode-languageclient: diagnostics,
// hover and code actions all come from the server (see the README's "In your editor").
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('quotelint');
  const server = { command: config.get('path'), args: ['server', ...config.get('args')] };
  client = new LanguageClient(
    'quotelint',
    'quotelint',
    { run: server, debug: server },
    {
      documentSelector: [{ language: 'markdown' }],
      initializationOptions: { disable: config.get('disable') },
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
