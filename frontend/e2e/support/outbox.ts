import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";

export type Mail = { to: string; subject: string; body: string; link: string };

function outboxDir(): string {
  const varDir = process.env.LECTERN_VAR_DIR;
  if (!varDir) throw new Error("LECTERN_VAR_DIR is not set; playwright.config.ts sets it.");
  return join(varDir, "outbox");
}

/** Splits an .eml into headers and a text body (8bit or quoted-printable, as the API writes). */
function parseMail(raw: string): { headers: Map<string, string>; body: string } {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  let body = rest.join("\n\n");
  if (headers.get("content-transfer-encoding")?.toLowerCase() === "quoted-printable") {
    body = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return { headers, body };
}

/**
 * Waits for the newest mail to `to` written after `since` (ms epoch) whose subject matches, and
 * returns it with the first link that stands on a line of its own.
 */
export async function waitForMail(to: string, { since, subject }: { since: number; subject?: RegExp }): Promise<Mail> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const names = await readdir(outboxDir()).catch(() => [] as string[]);
    const candidates = await Promise.all(
      names
        .filter((name) => name.endsWith(".eml"))
        .map(async (name) => ({ path: join(outboxDir(), name), mtime: (await stat(join(outboxDir(), name))).mtimeMs })),
    );
    for (const { path } of candidates.filter((c) => c.mtime >= since - 1000).sort((a, b) => b.mtime - a.mtime)) {
      const { headers, body } = parseMail(await readFile(path, "utf8"));
      const mailSubject = headers.get("subject") ?? "";
      if (!headers.get("to")?.toLowerCase().includes(to.toLowerCase())) continue;
      if (subject && !subject.test(mailSubject)) continue;
      const link = body.match(/^\s*(https?:\/\/\S+)\s*$/m)?.[1];
      if (!link) throw new Error(`Mail "${mailSubject}" to ${to} has no link:\n${body}`);
      return { to, subject: mailSubject, body, link };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No mail to ${to}${subject ? ` matching ${subject}` : ""} arrived within 20 s in ${outboxDir()}.`);
}
