/** The day a certificate was issued, as printed on its PDF: "25 November 2026", in UTC so the
 * page, the card and the PDF name the same day wherever they are read. */
export function formatCertificateDate(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(iso));
}

/** "Ada Baker", "Ada Baker and Ben Crust", "Ada Baker, Ben Crust and Cy Dunn". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
