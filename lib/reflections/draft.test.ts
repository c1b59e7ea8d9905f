import { describe, expect, it } from "vitest";
import { acknowledged, hasUnsaved, nextSave, type Draft } from "./draft";

let n = 0;
const id = () => `save-${++n}`;
const fresh: Draft = { text: "", savedText: "", savedVersion: 0, inflight: null };

describe("draft saving protocol", () => {
  it("sends nothing when the text is what the server holds", () => {
    expect(nextSave(fresh, id)).toBe(fresh);
    expect(hasUnsaved(fresh)).toBe(false);
  });

  it("resends an unanswered save unchanged, even after more typing", () => {
    const sent = nextSave({ ...fresh, text: "first words" }, id);
    expect(sent.inflight).toEqual({ text: "first words", baseVersion: 0, saveId: "save-1" });
    const typedMore = { ...sent, text: "first words and more" };
    expect(nextSave(typedMore, id).inflight).toEqual(sent.inflight);
  });

  it("after an answer, sends the newer text on the acknowledged version", () => {
    const sent = nextSave({ ...fresh, text: "first words" }, id);
    const answered = acknowledged({ ...sent, text: "first words and more" }, 1);
    expect(answered).toMatchObject({ savedText: "first words", savedVersion: 1, inflight: null });
    expect(hasUnsaved(answered)).toBe(true);
    expect(nextSave(answered, id).inflight).toMatchObject({ text: "first words and more", baseVersion: 1 });
  });
});
