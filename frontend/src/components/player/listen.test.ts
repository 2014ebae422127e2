import { describe, expect, it, vi } from "vitest";
import { listen } from "./listen";

describe("listen", () => {
  it("adds every handler and removes them all with the returned function", () => {
    const target = new EventTarget();
    const play = vi.fn();
    const pause = vi.fn();
    const stop = listen(target, { play, pause });
    target.dispatchEvent(new Event("play"));
    target.dispatchEvent(new Event("pause"));
    expect(play).toHaveBeenCalledTimes(1);
    expect(pause).toHaveBeenCalledTimes(1);
    stop();
    target.dispatchEvent(new Event("play"));
    expect(play).toHaveBeenCalledTimes(1);
  });
});
