import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import {
  captionErrorMessage,
  captionFileProblem,
  formatClock,
  isNetworkFailure,
  isTransient,
  isVideoFile,
  lessonTitleFromFile,
  renditionList,
  uploadFailureMessage,
  uploadFingerprint,
} from "./video-files";

const response = (status: number, body = "") => ({ getStatus: () => status, getBody: () => body });

describe("lesson titles from file names", () => {
  it("drops the extension, turns underscores and dashes into spaces and capitalises", () => {
    expect(lessonTitleFromFile("intro_to-hooks.mp4")).toBe("Intro to hooks");
    expect(lessonTitleFromFile("01__setting--up___the_project.mov")).toBe("01 setting up the project");
    expect(lessonTitleFromFile("  what's   new .webm")).toBe("What's new");
    expect(lessonTitleFromFile("Chapter 2.final.mkv")).toBe("Chapter 2.final");
    expect(lessonTitleFromFile("überblick.mp4")).toBe("Überblick");
  });

  it("keeps a name without an extension and names a nameless file", () => {
    expect(lessonTitleFromFile("recording")).toBe("Recording");
    expect(lessonTitleFromFile(".mp4")).toBe("Untitled video");
    expect(lessonTitleFromFile("___.mp4")).toBe("Untitled video");
  });

  it("fits the 120 characters a lesson title may have", () => {
    expect(lessonTitleFromFile(`${"a".repeat(200)}.mp4`)).toHaveLength(120);
  });
});

describe("video files", () => {
  it("takes video types, and known extensions when the browser gives no type", () => {
    expect(isVideoFile({ name: "a.mp4", type: "video/mp4" })).toBe(true);
    expect(isVideoFile({ name: "a.mkv", type: "" })).toBe(true);
    expect(isVideoFile({ name: "a.MOV", type: "application/octet-stream" })).toBe(true);
    expect(isVideoFile({ name: "notes.pdf", type: "application/pdf" })).toBe(false);
    expect(isVideoFile({ name: "song.mp4", type: "audio/mp4" })).toBe(false);
    expect(isVideoFile({ name: "README", type: "" })).toBe(false);
  });

  it("remembers an upload by lesson and file", () => {
    const file = { name: "a.mp4", type: "video/mp4", size: 10, lastModified: 5 };
    expect(uploadFingerprint("l1", file)).not.toBe(uploadFingerprint("l2", file));
    expect(uploadFingerprint("l1", file)).toBe(uploadFingerprint("l1", { ...file }));
    expect(uploadFingerprint("l1", file)).not.toBe(uploadFingerprint("l1", { ...file, lastModified: 6 }));
  });

  it("lists renditions tallest first", () => {
    expect(renditionList([{ name: "480p", height: 480 }, { name: "1080p", height: 1080 }, { name: "720p", height: 720 }])).toBe("1080p · 720p · 480p");
    expect(renditionList([])).toBe("");
  });

  it("shows durations as a clock", () => {
    expect(formatClock(5)).toBe("0:05");
    expect(formatClock(754.4)).toBe("12:34");
    expect(formatClock(3723)).toBe("1:02:03");
  });
});

describe("upload failures", () => {
  it("retries dropped connections, server trouble and lost races, not refusals", () => {
    for (const status of [0, 500, 502, 409, 423, 429]) expect(isTransient(status)).toBe(true);
    for (const status of [400, 401, 403, 404, 410, 413]) expect(isTransient(status)).toBe(false);
  });

  it("tells a dead connection from an error that never reached the network", () => {
    expect(isNetworkFailure({ originalRequest: {}, originalResponse: null })).toBe(true);
    expect(isNetworkFailure({ originalRequest: {}, originalResponse: response(500) })).toBe(false);
    expect(isNetworkFailure({})).toBe(false);
  });

  it("uses the API's own words when it gave some", () => {
    const body = JSON.stringify({ code: "video_too_large", message: "The file is 25.0 GB; videos can be at most 20 GB.", details: null });
    expect(uploadFailureMessage({ originalRequest: {}, originalResponse: response(413, body) })).toBe("The file is 25.0 GB; videos can be at most 20 GB.");
    expect(uploadFailureMessage({ originalRequest: {}, originalResponse: response(502, "<html>") })).toMatch(/server is having trouble/);
    expect(uploadFailureMessage({ originalRequest: {}, originalResponse: response(401, "{}") })).toMatch(/signed out/);
    expect(uploadFailureMessage({ originalRequest: {}, originalResponse: null })).toMatch(/connection/);
  });
});

describe("caption files", () => {
  it("checks the file before sending it", () => {
    expect(captionFileProblem({ name: "en.vtt", size: 100 })).toBeNull();
    expect(captionFileProblem({ name: "en.SRT", size: 100 })).toBeNull();
    expect(captionFileProblem({ name: "en.txt", size: 100 })).toMatch(/\.vtt/);
    expect(captionFileProblem({ name: "en.vtt", size: 3 * 1024 * 1024 })).toMatch(/2 MB/);
    expect(captionFileProblem({ name: "en.vtt", size: 0 })).toMatch(/empty/);
  });

  it("names the line an invalid file tripped on", () => {
    const invalid = new ApiError(422, "invalid_captions", "A cue's timing is malformed.", { line: 7 });
    expect(captionErrorMessage(invalid)).toBe("A cue's timing is malformed. (line 7)");
    const saysLine = new ApiError(422, "invalid_captions", "Line 7: a cue's timing is malformed.", { line: 7 });
    expect(captionErrorMessage(saysLine)).toBe("Line 7: a cue's timing is malformed.");
    expect(captionErrorMessage(new ApiError(422, "invalid_language", "Give the language as a code."))).toBe("Give the language as a code.");
    expect(captionErrorMessage(new Error("boom"))).toMatch(/weren't saved/);
  });
});
