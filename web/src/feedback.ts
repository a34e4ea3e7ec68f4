// Feedback: a spinner, with the seconds spent, for anything that takes over 300 ms; errors as a message in the page.
import { $ } from "./dom";
import { t } from "./i18n";

const running = new Map<object, { label: string; started: number }>();
let busyTicker = 0;

export async function busy<T>(label: string, work: () => Promise<T>): Promise<T> {
  const token = {};
  const timer = window.setTimeout(() => {
    running.set(token, { label, started: performance.now() - 300 });
    renderBusy();
  }, 300);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
    running.delete(token);
    renderBusy();
  }
}

export function renderBusy() {
  const box = $("busy");
  const latest = [...running.values()].at(-1);
  box.hidden = latest === undefined;
  if (latest === undefined) {
    delete document.body.dataset.busy;
    clearInterval(busyTicker);
    busyTicker = 0;
    return;
  }
  document.body.dataset.busy = latest.label;
  box.querySelector(".text")!.textContent = latest.label;
  box.querySelector(".elapsed")!.textContent = t("busy.elapsed", ((performance.now() - latest.started) / 1000).toFixed(1));
  if (!busyTicker) busyTicker = window.setInterval(renderBusy, 200);
}

/**
 * What a user can read in a failure: the service's own message (SignalR wraps a HubException's as
 * "An unexpected error occurred invoking 'X' on the server. HubException: …"), or a plain sentence when it sent none.
 */
export function readable(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const sent = /HubException: ([\s\S]*)$/.exec(text);
  if (sent) return sent[1].trim();
  if (/An unexpected error occurred/.test(text)) return t("error.unexpected");
  return text.replace(/^Error: /, "");
}

export function showMessage(text: string, kind: "error" | "info" = "error") {
  const box = $("message");
  box.dataset.kind = kind;
  box.querySelector("strong")!.textContent = kind === "error" ? t("error.title") : "";
  box.querySelector(".text")!.textContent = text;
  box.hidden = false;
  document.body.dataset.message = kind;
}

export function showError(error: unknown) {
  console.error(error);
  showMessage(readable(error));
}

export function hideMessage() {
  $("message").hidden = true;
  delete document.body.dataset.message;
}
