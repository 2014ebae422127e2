/** "Chrome on Windows" from a User-Agent string: enough for someone to recognise their device. */
export function describeUserAgent(userAgent: string | null | undefined): { browser: string; os: string; mobile: boolean } {
  const ua = userAgent ?? "";
  // Order matters: Edge and Opera also say Chrome, Chrome also says Safari.
  const browser =
    /Edg\//.test(ua) ? "Edge"
    : /OPR\/|Opera/.test(ua) ? "Opera"
    : /Firefox\//.test(ua) ? "Firefox"
    : /Chrom(e|ium)\//.test(ua) ? "Chrome"
    : /Safari\//.test(ua) ? "Safari"
    : /^(curl|python|httpx|node|Go-http)/i.test(ua) ? "API client"
    : "Unknown browser";
  const os =
    /iPhone|iPad|iPod/.test(ua) ? "iOS"
    : /Android/.test(ua) ? "Android"
    : /Windows/.test(ua) ? "Windows"
    : /Mac OS X|Macintosh/.test(ua) ? "macOS"
    : /CrOS/.test(ua) ? "ChromeOS"
    : /Linux/.test(ua) ? "Linux"
    : "unknown system";
  return { browser, os, mobile: /Mobi|iPhone|Android/.test(ua) };
}
