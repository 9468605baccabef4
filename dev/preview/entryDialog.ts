/**
 * Excel's message boxes for an entry it will not take as is (a data-validation alert, a broken formula),
 * as a modal <dialog>. office.js disables window.alert and window.confirm in an add-in page, so the
 * preview draws its own. Texts are set with textContent.
 */
export type EntryChoice = "yes" | "no" | "cancel";

export interface EntryDialogOptions {
  title: string;
  message: string;
  buttons: Array<{ choice: EntryChoice; label: string }>;
}

export function askAboutEntry(options: EntryDialogOptions): Promise<EntryChoice> {
  const dialog = document.createElement("dialog");
  dialog.className = "pv-dialog";
  dialog.setAttribute("role", "alertdialog");
  const id = `pv-dialog-${Date.now()}`;
  dialog.setAttribute("aria-labelledby", `${id}-title`);
  dialog.setAttribute("aria-describedby", `${id}-message`);
  const title = document.createElement("h2");
  title.id = `${id}-title`;
  title.textContent = options.title;
  const message = document.createElement("p");
  message.id = `${id}-message`;
  message.textContent = options.message;
  const row = document.createElement("div");
  row.className = "pv-dialog-buttons";
  dialog.append(title, message, row);
  document.body.append(dialog);

  return new Promise((resolve) => {
    const finish = (choice: EntryChoice) => {
      dialog.close();
      dialog.remove();
      resolve(choice);
    };
    for (const { choice, label } of options.buttons) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = label;
      button.className = choice === options.buttons[0]!.choice ? "pv-dialog-default" : "";
      button.addEventListener("click", () => finish(choice));
      row.append(button);
    }
    dialog.addEventListener("cancel", (e) => {
      e.preventDefault();
      finish("cancel");
    });
    dialog.showModal();
    (row.firstElementChild as HTMLButtonElement | null)?.focus();
  });
}
