import { describe, expect, it } from "vitest";
import { certificateUrl, shareLink, type ShareTarget } from "./share-link";

const data = { url: "https://lectern.example/certificates/7K3M-Q9TZ-1ABX", title: "Certificate", text: "I finished a course" };

function clipboard() {
  const copied: string[] = [];
  return { copied, clipboard: { writeText: async (text: string) => void copied.push(text) } };
}

describe("certificateUrl", () => {
  it("joins the site and the code", () => {
    expect(certificateUrl("https://lectern.example/", "7K3M-Q9TZ-1ABX")).toBe(data.url);
  });
});

describe("shareLink", () => {
  it("uses the share sheet when there is one", async () => {
    const shared: ShareData[] = [];
    const target: ShareTarget = { share: async (d) => void shared.push(d), canShare: () => true, ...clipboard() };
    expect(await shareLink(target, data)).toBe("shared");
    expect(shared).toEqual([data]);
  });

  it("treats a closed share sheet as cancelled", async () => {
    const target: ShareTarget = {
      share: async () => {
        throw Object.assign(new Error("closed"), { name: "AbortError" });
      },
    };
    expect(await shareLink(target, data)).toBe("cancelled");
  });

  it("copies the link where sharing is missing or refused", async () => {
    const plain = clipboard();
    expect(await shareLink(plain, data)).toBe("copied");
    expect(plain.copied).toEqual([data.url]);
    const refused = clipboard();
    const target: ShareTarget = {
      share: async () => {
        throw Object.assign(new Error("no"), { name: "NotAllowedError" });
      },
      ...refused,
    };
    expect(await shareLink(target, data)).toBe("copied");
  });

  it("falls back to the old way of copying", async () => {
    const copied: string[] = [];
    const target: ShareTarget = {
      clipboard: { writeText: () => Promise.reject(new Error("denied")) },
      legacyCopy: (text) => copied.push(text) > 0,
    };
    expect(await shareLink(target, data)).toBe("copied");
    expect(copied).toEqual([data.url]);
  });

  it("fails when there is neither", async () => {
    expect(await shareLink({}, data)).toBe("failed");
    const broken: ShareTarget = { clipboard: { writeText: () => Promise.reject(new Error("denied")) } };
    expect(await shareLink(broken, data)).toBe("failed");
  });
});
