// Reading a file's text the way the user sees it: the open document (unsaved changes included) when
// there is one, else the file through workspace.fs (remote-safe).
import * as vscode from 'vscode';

const decoder = new TextDecoder();

/** The text, or an error when the file cannot be read. */
export async function currentText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : decoder.decode(await vscode.workspace.fs.readFile(uri));
}

/** The text, or undefined when the file is missing or unreadable. */
export async function optionalText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return await currentText(uri);
  } catch {
    return undefined;
  }
}
