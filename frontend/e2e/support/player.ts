import { expect, type Locator } from "@playwright/test";

/** The player's media time, in seconds. */
export async function currentTime(player: Locator): Promise<number> {
  return player.locator("video").evaluate((video: HTMLVideoElement) => video.currentTime);
}

/**
 * Where the player landed after a jump (a resume, a note, a bookmark): its time the first
 * time it is read past `from`. It plays on from there, so this is the reading to hold to a
 * window; a second reading a moment later on a busy machine can be a second further on.
 */
export async function landedAt(player: Locator, from: number): Promise<number> {
  let seen = Number.NaN;
  await expect
    .poll(
      async () => {
        seen = await currentTime(player);
        return seen;
      },
      { intervals: [50] },
    )
    .toBeGreaterThan(from);
  return seen;
}
