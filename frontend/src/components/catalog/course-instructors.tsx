import { UserAvatar } from "@/components/ui/avatar";
import type { CourseLanding } from "@/lib/api/models";

/** Who teaches the course, each with their own words about themselves. */
export function CourseInstructors({ instructors }: { instructors: CourseLanding["instructors"] }) {
  return (
    <ul className="grid gap-6">
      {instructors.map((person) => (
        <li key={person.id} className="flex gap-4">
          <UserAvatar name={person.display_name} src={person.avatar_url} className="size-16 text-lg" />
          <div className="grid min-w-0 content-start gap-1">
            <h3 className="font-semibold">{person.display_name}</h3>
            {person.bio && <p className="text-sm leading-relaxed whitespace-pre-line text-muted-foreground">{person.bio}</p>}
          </div>
        </li>
      ))}
    </ul>
  );
}
