import { describe, expect, it } from "vitest";
import { mediaGrantOf, withNewestGrant } from "./grant-url";

const VIDEO = "4f1c2a9e-7b3d-4c1a-9f5e-2d8b6a0c1e3f";
const OLD = "aa11.1700000000.oldSig_-";
const NEW = "aa11.1700000600.newSig-_";
const newest = `/api/media/${VIDEO}/${NEW}/master.m3u8`;

describe("mediaGrantOf", () => {
  it("reads the video id and the grant from relative and absolute media URLs", () => {
    expect(mediaGrantOf(`/api/media/${VIDEO}/${OLD}/v0/seg_00001.m4s`)).toEqual({ videoId: VIDEO, grant: OLD });
    expect(mediaGrantOf(`https://lectern.example/api/media/${VIDEO}/${OLD}/poster.jpg`)).toEqual({ videoId: VIDEO, grant: OLD });
  });

  it("is null for anything else", () => {
    expect(mediaGrantOf("/api/lessons/1/playback")).toBeNull();
    expect(mediaGrantOf(`/api/media/${VIDEO}/${OLD}`)).toBeNull();
    expect(mediaGrantOf("blob:https://lectern.example/123")).toBeNull();
  });
});

describe("withNewestGrant", () => {
  it("swaps the grant of playlists, segments, captions and sprites", () => {
    for (const file of ["master.m3u8", "v2/index.m3u8", "v2/init_2.mp4", "v0/seg_00042.m4s", "captions/0d5e.vtt", "sprite_003.jpg"]) {
      expect(withNewestGrant(`/api/media/${VIDEO}/${OLD}/${file}`, newest)).toBe(`/api/media/${VIDEO}/${NEW}/${file}`);
    }
  });

  it("keeps the origin, query and fragment of absolute URLs", () => {
    expect(withNewestGrant(`http://127.0.0.1:3300/api/media/${VIDEO}/${OLD}/sprite_001.jpg#xywh=0,0,160,90`, newest)).toBe(
      `http://127.0.0.1:3300/api/media/${VIDEO}/${NEW}/sprite_001.jpg#xywh=0,0,160,90`,
    );
    expect(withNewestGrant(`https://cdn.example/api/media/${VIDEO}/${OLD}/v0/seg_00001.m4s?x=1`, newest)).toBe(
      `https://cdn.example/api/media/${VIDEO}/${NEW}/v0/seg_00001.m4s?x=1`,
    );
  });

  it("leaves URLs of the newest grant, of other videos and of other places alone", () => {
    expect(withNewestGrant(newest, newest)).toBe(newest);
    const other = `/api/media/00000000-0000-4000-8000-000000000000/${OLD}/v0/seg_00001.m4s`;
    expect(withNewestGrant(other, newest)).toBe(other);
    expect(withNewestGrant("https://s3.example/bucket/videos/x/seg.m4s?X-Amz-Signature=1", newest)).toBe(
      "https://s3.example/bucket/videos/x/seg.m4s?X-Amz-Signature=1",
    );
    expect(withNewestGrant(`/api/media/${VIDEO}/${OLD}/master.m3u8`, "/not/a/grant")).toBe(`/api/media/${VIDEO}/${OLD}/master.m3u8`);
  });
});
