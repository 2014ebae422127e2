import { cn } from "@/lib/class-names";

type CoverCourse = { id: string; title: string; cover_url: string | null };

// Hues that stay clear and calm at the cover's lightness (yellows turn muddy there).
const COVER_HUES = [275, 250, 225, 195, 165, 330, 300, 25] as const;

/** A stable hue from the course id, so a course without a picture always gets the same colours. */
export function coverHue(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COVER_HUES[hash % COVER_HUES.length] ?? COVER_HUES[0];
}

/**
 * A course's 16:9 cover. Without an uploaded picture, a drawn one: a gradient in the course's own
 * hue with its initial, so a catalog of new courses still looks deliberate rather than broken.
 */
export function CourseCover({ course, alt = "", eager = false, className }: { course: CoverCourse; alt?: string; eager?: boolean; className?: string }) {
  const frame = cn("@container relative aspect-video w-full overflow-hidden bg-muted", className);
  if (course.cover_url) {
    return (
      <div className={frame}>
        <img
          src={course.cover_url}
          alt={alt}
          width={1280}
          height={720}
          loading={eager ? "eager" : "lazy"}
          fetchPriority={eager ? "high" : undefined}
          decoding="async"
          className="size-full object-cover"
        />
      </div>
    );
  }
  const hue = coverHue(course.id);
  const initial = course.title.trim().charAt(0).toUpperCase() || "L";
  return (
    <div
      className={frame}
      role={alt ? "img" : undefined}
      aria-label={alt || undefined}
      aria-hidden={alt ? undefined : true}
      style={{
        backgroundImage: `radial-gradient(circle at 85% 15%, oklch(0.8 0.1 ${hue} / 0.55), transparent 45%), linear-gradient(135deg, oklch(0.56 0.14 ${hue}), oklch(0.36 0.11 ${(hue + 35) % 360}))`,
      }}
    >
      <span className="absolute -top-[45cqw] -right-[22cqw] size-[80cqw] rounded-full border-[1.2cqw] border-white/10" />
      <span className="absolute -top-[20cqw] -right-[6cqw] size-[44cqw] rounded-full border-[1.2cqw] border-white/15" />
      <span className="absolute bottom-[5cqw] left-[6cqw] font-display text-[26cqw] leading-none font-semibold text-white/85 drop-shadow-sm select-none">
        {initial}
      </span>
    </div>
  );
}
