// Reading a password on the command line: from stdin (--password-stdin), or typed twice without echo.
import { createInterface } from "node:readline";

export async function readStdin(): Promise<string> {
  let data = "";
  for await (const chunk of process.stdin) data += chunk;
  return data.replace(/\r?\n$/, "");
}

/** Asks once, without echoing what is typed. */
export function prompt(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) =>
      write(s.startsWith(question) ? s : "");
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

/** The password from stdin, or typed twice; null (after saying so) when the two differ. */
export async function readPassword(fromStdin: boolean): Promise<string | null> {
  if (fromStdin) return readStdin();
  const password = await prompt("Password: ");
  if ((await prompt("Repeat password: ")) === password) return password;
  console.error("Passwords do not match.");
  return null;
}
