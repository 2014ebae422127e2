// Every media URL of a playback grant reads /api/media/<video id>/<grant>/<file>. The grant
// (path segment 4) expires within minutes, so the player swaps in the newest one on every
// request it makes after a refresh: playlists, segments, captions and thumbnails alike.

const MEDIA_URL = /^((?:[a-z][a-z\d+.-]*:\/\/[^/?#]+)?\/api\/media\/([^/?#]+)\/)([^/?#]+)(\/[^?#]*(?:[?#].*)?)$/i;

/** The video id and grant of a media URL, or null for any other URL. */
export function mediaGrantOf(url: string): { videoId: string; grant: string } | null {
  const match = MEDIA_URL.exec(url);
  if (!match) return null;
  return { videoId: match[2] ?? "", grant: match[3] ?? "" };
}

/**
 * `url` with the grant of `newest` (any URL of the newest grant, e.g. its master_url) in place of
 * its own. URLs that are not media URLs, or belong to another video (the lesson's video was
 * replaced meanwhile: the new grant would not open the old files), come back unchanged.
 */
export function withNewestGrant(url: string, newest: string): string {
  const target = mediaGrantOf(newest);
  if (!target) return url;
  const match = MEDIA_URL.exec(url);
  if (!match || match[2] !== target.videoId) return url;
  return `${match[1]}${target.grant}${match[4]}`;
}
