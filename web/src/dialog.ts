// An in-page question (never prompt()): a <dialog> with a text box; resolves to the text, or null when cancelled.
import { $ } from "./dom";
import { t } from "./i18n";

export function ask(question: string, value = "", placeholder = ""): Promise<string | null> {
  const dialog = $<HTMLDialogElement>("ask");
  const input = dialog.querySelector("input")!;
  dialog.querySelector(".question")!.textContent = question;
  dialog.querySelector<HTMLButtonElement>("button.ok")!.textContent = t("dialog.ok");
  dialog.querySelector<HTMLButtonElement>("button.cancel")!.textContent = t("dialog.cancel");
  input.value = value;
  input.placeholder = placeholder;
  dialog.showModal();
  input.focus();
  input.select();
  return new Promise(resolve => {
    const done = (answer: string | null) => {
      dialog.close();
      form.removeEventListener("submit", submit);
      cancel.removeEventListener("click", cancelled);
      dialog.removeEventListener("cancel", cancelled);
      resolve(answer);
    };
    const form = dialog.querySelector("form")!;
    const cancel = dialog.querySelector<HTMLButtonElement>("button.cancel")!;
    const submit = (event: Event) => {
      event.preventDefault();
      done(input.value.trim() || null);
    };
    const cancelled = (event: Event) => {
      event.preventDefault();
      done(null);
    };
    form.addEventListener("submit", submit);
    cancel.addEventListener("click", cancelled);
    dialog.addEventListener("cancel", cancelled);
  });
}
