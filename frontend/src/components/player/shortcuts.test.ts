import { describe, expect, it } from "vitest";
import { PLAYBACK_RATES, rateLabel, SHORTCUT_HELP, shortcutFor, stepRate } from "./shortcuts";

describe("shortcutFor", () => {
  it("plays and pauses with space and k", () => {
    expect(shortcutFor({ key: " " })).toEqual({ type: "togglePlay" });
    expect(shortcutFor({ key: "k" })).toEqual({ type: "togglePlay" });
    expect(shortcutFor({ key: "K" })).toEqual({ type: "togglePlay" });
  });

  it("seeks 5 seconds with the arrows and 10 with j and l", () => {
    expect(shortcutFor({ key: "ArrowLeft" })).toEqual({ type: "seekBy", seconds: -5 });
    expect(shortcutFor({ key: "ArrowRight" })).toEqual({ type: "seekBy", seconds: 5 });
    expect(shortcutFor({ key: "j" })).toEqual({ type: "seekBy", seconds: -10 });
    expect(shortcutFor({ key: "l" })).toEqual({ type: "seekBy", seconds: 10 });
  });

  it("jumps to tenths of the video with the digits, and to either end with Home and End", () => {
    expect(shortcutFor({ key: "0" })).toEqual({ type: "seekToFraction", fraction: 0 });
    expect(shortcutFor({ key: "4" })).toEqual({ type: "seekToFraction", fraction: 0.4 });
    expect(shortcutFor({ key: "9" })).toEqual({ type: "seekToFraction", fraction: 0.9 });
    expect(shortcutFor({ key: "End" })).toEqual({ type: "seekToFraction", fraction: 1 });
  });

  it("maps volume, mute, full screen, captions, speed and help", () => {
    expect(shortcutFor({ key: "ArrowUp" })).toEqual({ type: "volumeBy", delta: 0.05 });
    expect(shortcutFor({ key: "ArrowDown" })).toEqual({ type: "volumeBy", delta: -0.05 });
    expect(shortcutFor({ key: "m" })).toEqual({ type: "toggleMute" });
    expect(shortcutFor({ key: "f" })).toEqual({ type: "toggleFullscreen" });
    expect(shortcutFor({ key: "c" })).toEqual({ type: "toggleCaptions" });
    expect(shortcutFor({ key: "<" })).toEqual({ type: "rateStep", step: -1 });
    expect(shortcutFor({ key: ">" })).toEqual({ type: "rateStep", step: 1 });
    expect(shortcutFor({ key: "?" })).toEqual({ type: "showShortcuts" });
  });

  it("takes a note with n and bookmarks with b, whatever the case", () => {
    expect(shortcutFor({ key: "n" })).toEqual({ type: "newNote" });
    expect(shortcutFor({ key: "N" })).toEqual({ type: "newNote" });
    expect(shortcutFor({ key: "b" })).toEqual({ type: "bookmark" });
    expect(shortcutFor({ key: "n", ctrlKey: true })).toBeNull();
    expect(shortcutFor({ key: "b", metaKey: true })).toBeNull();
  });

  it("lists the note keys as needing notes on the page", () => {
    const noteKeys = SHORTCUT_HELP.filter((entry) => entry.notes).map((entry) => entry.keys.join());
    expect(noteKeys).toEqual(["N", "B"]);
  });

  it("leaves other keys and modified presses to the browser", () => {
    expect(shortcutFor({ key: "a" })).toBeNull();
    expect(shortcutFor({ key: "Tab" })).toBeNull();
    expect(shortcutFor({ key: "Enter" })).toBeNull();
    expect(shortcutFor({ key: "f", ctrlKey: true })).toBeNull();
    expect(shortcutFor({ key: "l", metaKey: true })).toBeNull();
    expect(shortcutFor({ key: "ArrowLeft", altKey: true })).toBeNull();
  });
});

describe("stepRate", () => {
  it("moves one step along the list and stops at its ends", () => {
    expect(stepRate(1, 1)).toBe(1.25);
    expect(stepRate(1, -1)).toBe(0.75);
    expect(stepRate(2, 1)).toBe(2);
    expect(stepRate(0.5, -1)).toBe(0.5);
  });

  it("starts from the nearest listed rate", () => {
    expect(stepRate(1.1, 1)).toBe(1.25);
    expect(stepRate(3, -1)).toBe(1.75);
  });

  it("offers the rates the brief asks for", () => {
    expect(PLAYBACK_RATES).toEqual([0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]);
  });
});

describe("rateLabel", () => {
  it("calls 1 normal and writes the others as multipliers", () => {
    expect(rateLabel(1)).toBe("Normal");
    expect(rateLabel(1.5)).toBe("1.5×");
  });
});
