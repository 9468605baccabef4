// End-to-end, issue #13 item 1: the pane store follows the cell staff select on the template's sheet and
// records the figures they type in the background. Staff type a figure, click its cell: the pane names the
// cell, says the figure is not recorded yet, then shows it recorded with today's entry date; they give its
// source and save it; a later edit of the same cell keeps the first value as a revision.
import { describe, expect, it } from "vitest";
import { cell, goTo, typeInto } from "./grid";
import { saveScreenshot, usePreview } from "./harness";
import { at, readTemplate } from "./template";

const session = usePreview();

const HIGH_TECH_ENTERPRISES = "Number of high-tech enterprises";

describe("the selected figure's record", () => {
  it("follows the selected cell, records a typed figure in the background, saves its source and keeps a revision", async () => {
    const { page, errors } = await session.open("en-US");
    await page.getByRole("button", { name: "Insert template" }).click();
    await page.getByText(/^Inserted the sheet “Plan indicators”/).waitFor();
    const map = await readTemplate(page);
    const address = at(map, HIGH_TECH_ENTERPRISES, "2021");
    const history = page.getByRole("region", { name: "Figure source and revisions" });

    await typeInto(page, address, "131");
    await goTo(page, address);
    await cell(page, address).click();
    await history.getByText(`${address} · ${HIGH_TECH_ENTERPRISES} · 2021`).waitFor();
    // Recorded a moment after typing stopped (the store's recorder), without any button pressed.
    await history.getByText(/not recorded yet/).waitFor({ state: "detached", timeout: 20_000 });
    await history.getByText("Entered on").waitFor();

    await history.getByRole("textbox", { name: "Source" }).fill("2021 statistical communiqué");
    await history.getByRole("button", { name: "Save source" }).click();
    await history.getByText(`Saved the source of ${address}.`).waitFor();

    // A revised figure: once recorded, 131 is kept as the previous value with its source.
    await typeInto(page, address, "133");
    await goTo(page, address);
    await cell(page, address).click();
    await history.getByText("Previous values (most recent first)").waitFor();
    await history.getByText(/^131 \(/).waitFor({ timeout: 20_000 });
    await history.getByText("Source: 2021 statistical communiqué").waitFor();
    // The form is now about 133: the message about saving 131's source is gone.
    expect(await history.getByText(`Saved the source of ${address}.`).count()).toBe(0);
    await saveScreenshot(page, "figure-record");
    expect(errors).toEqual([]);
  }, 240_000);
});
