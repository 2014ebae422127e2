# The prose means its typographic dashes, minus and multiplication signs.
# ruff: noqa: RUF001
"""What the demo school teaches: its topics and courses, as plain typed data.

Everything here is original writing for the demo. The seed (`lectern.demo.seeding`) turns it
into courses through the studio and the review workflow, exactly as an instructor would.
"""

from __future__ import annotations

import enum
import textwrap
from dataclasses import dataclass

from lectern.catalog.slugs import slugify
from lectern.models import CourseLevel


def _md(text: str) -> str:
    """Markdown written indented in this file, without the indentation."""
    return textwrap.dedent(text).strip()


class Glyph(enum.StrEnum):
    """The large picture drawn on a course's cover (see `lectern.demo.covers`)."""

    code = "code"
    form = "form"
    chart = "chart"
    play = "play"
    wheels = "wheels"
    waveform = "waveform"
    aperture = "aperture"
    envelope = "envelope"
    picture = "picture"
    calendar = "calendar"


class Person(enum.StrEnum):
    """Who of the demo accounts (see `lectern.seed.DEMO_ACCOUNTS`) plays a part."""

    instructor = "instructor@lectern.test"
    admin = "admin@lectern.test"
    student = "student@lectern.test"


class Stage(enum.StrEnum):
    """How far through the review workflow the seed takes a course."""

    draft = "draft"
    in_review = "in_review"
    rejected = "rejected"
    published = "published"


@dataclass(frozen=True)
class DemoTopic:
    name: str
    children: tuple[DemoTopic, ...] = ()

    @property
    def slug(self) -> str:
        return slugify(self.name, fallback="topic")


@dataclass(frozen=True)
class DemoVideo:
    """A lesson video drawn by ffmpeg from one of its test sources, with a tone and captions."""

    source: str  # a lavfi video source, sized 1280x720 at 30 fps
    tone_hz: int
    captions: tuple[tuple[float, float, str], ...]  # (start, end, text), English
    seconds: int = 12


@dataclass(frozen=True)
class DemoLesson:
    title: str
    # Markdown; empty for a lesson the instructor has not written yet.
    body: str = ""
    preview: bool = False
    video: DemoVideo | None = None


PHONE_CAMERA_VIDEO = DemoVideo(
    source="testsrc2=size=1280x720:rate=30",
    tone_hz=330,
    captions=(
        (0.5, 3.5, "The camera in your pocket is a real camera."),
        (4.0, 7.5, "First, tap to lock focus and exposure."),
        (8.0, 11.5, "Then hold still and count to five before you move."),
    ),
)
STEADY_SHOTS_VIDEO = DemoVideo(
    source="smptehdbars=size=1280x720:rate=30",
    tone_hz=440,
    captions=(
        (0.5, 3.5, "Elbows in, feet apart, breathe out."),
        (4.0, 7.5, "Lean on a wall or a doorframe when you can."),
        (8.0, 11.5, "Walk heel to toe and keep your knees soft."),
    ),
)
SCOPES_VIDEO = DemoVideo(
    source="rgbtestsrc=size=1280x720:rate=30",
    tone_hz=392,
    captions=(
        (0.5, 3.5, "Red, green and blue: one trace each."),
        (4.0, 7.5, "Balanced whites line up on the parade."),
        (8.0, 11.5, "Trust the scopes before your eyes."),
    ),
)
WINDOW_LIGHT_VIDEO = DemoVideo(
    source="life=size=1280x720:rate=30:mold=10:ratio=0.1:life_color=#f0c060:death_color=#203040",
    tone_hz=262,
    captions=(
        (0.5, 3.5, "Put the window beside your subject, not behind."),
        (4.0, 7.5, "Turn off the room lights: one kind of light is better."),
        (8.0, 11.5, "A white sheet on the other side fills the shadows."),
    ),
)


@dataclass(frozen=True)
class DemoSection:
    title: str
    lessons: tuple[DemoLesson, ...]


@dataclass(frozen=True)
class DemoCourse:
    title: str
    subtitle: str
    description: str
    topic: str  # the slug of the (sub)topic it is filed under
    level: CourseLevel
    tags: tuple[str, ...]
    outcomes: tuple[str, ...]
    requirements: tuple[str, ...]
    sections: tuple[DemoSection, ...]
    glyph: Glyph
    language: str = "en"
    price_amount: int | None = None  # minor units; None is free
    currency: str = "USD"
    owner: Person = Person.instructor
    co_instructor: Person | None = None
    stage: Stage = Stage.published
    review_reason: str | None = None  # the reviewer's words, for a rejected course
    has_cover: bool = True

    @property
    def slug(self) -> str:
        """The address the studio gives the course from its title (and the seed's key)."""
        return slugify(self.title)

    @property
    def lessons(self) -> tuple[DemoLesson, ...]:
        return tuple(lesson for section in self.sections for lesson in section.lessons)


TOPICS = (
    DemoTopic("Development", (DemoTopic("Web development"), DemoTopic("Data science"))),
    DemoTopic("Creative", (DemoTopic("Video production"), DemoTopic("Photography"))),
    DemoTopic("Business", (DemoTopic("Marketing"), DemoTopic("Productivity"))),
)

# --- Web development ------------------------------------------------------------------------

CSS_LAYOUT = DemoCourse(
    title="Modern CSS Layout with Flexbox and Grid",
    subtitle="Build pages that hold together on every screen, without fighting the browser",
    description=_md(
        """
        Most layout bugs come from not knowing which rules the browser is following. This
        course starts from the box model and normal flow, then gives you the two layout
        systems every modern site is built on: **Flexbox** for lining things up in one
        direction and **Grid** for rows and columns at once.

        Every lesson is short and ends with something you can paste into a page and change.
        By the end you will build a navigation bar, a card gallery that reflows without a
        single media query, and you will know which tool to reach for first.

        No framework, no build step: a text editor and a browser are enough.
        """
    ),
    topic="web-development",
    level=CourseLevel.beginner,
    tags=("css", "flexbox", "css grid", "layout", "responsive design"),
    outcomes=(
        "Predict the size of any box from its content, padding, border and margin",
        "Align and distribute items in a row or a column with Flexbox",
        "Lay out a page in rows and columns with CSS Grid",
        "Build a responsive card gallery without media queries",
        "Choose between Flexbox and Grid with a simple rule",
    ),
    requirements=(
        "You can write a basic HTML page with headings, paragraphs and links",
        "A text editor and an up-to-date browser",
    ),
    glyph=Glyph.code,
    sections=(
        DemoSection(
            "Thinking in boxes",
            (
                DemoLesson(
                    "The box model in five minutes",
                    preview=True,
                    body=_md(
                        """
                        Every element on a page is a rectangle made of four layers, from the
                        inside out: the **content**, the **padding**, the **border** and the
                        **margin**. Padding and border belong to the element (its background
                        paints under them); the margin is empty space that pushes neighbours
                        away.

                        By default, `width` sets the width of the *content only*. A box with
                        `width: 300px`, `padding: 20px` and a `2px` border takes 344 pixels
                        across: 300 + 2 × 20 + 2 × 2. That surprise is behind many layouts that
                        overflow by a few pixels.

                        Almost every modern stylesheet starts by changing this rule:

                        ```css
                        *, *::before, *::after {
                          box-sizing: border-box;
                        }
                        ```

                        With `border-box`, `width: 300px` means the box *including* padding
                        and border is 300 pixels wide; the content shrinks to make room. Sizes
                        now mean what you expect, and you can add padding without doing sums.

                        **Try it:** open your browser's developer tools, select any element
                        and look for the box model diagram (in the *Computed* or *Layout*
                        panel). Change the padding there and watch which number moves. Then
                        toggle `box-sizing` and watch again. Two minutes of this makes the
                        rest of the course much easier.
                        """
                    ),
                ),
                DemoLesson(
                    "Normal flow: block and inline",
                    body=_md(
                        """
                        Before you add any layout CSS, the browser already places elements
                        using *normal flow*. Knowing its two kinds of box explains a lot of
                        "why won't this move?" moments.

                        **Block boxes** (`<div>`, `<p>`, `<h1>`, `<section>`, `<ul>`) start on
                        a new line and stretch to the full width of their container. Their
                        `width`, `height`, `margin` and `padding` all work as you'd expect.

                        **Inline boxes** (`<a>`, `<span>`, `<strong>`, `<em>`) sit inside a
                        line of text and are only as wide as their content. They ignore
                        `width` and `height`, and vertical margins don't push other lines
                        away. If you need a link to behave like a button with a size, give
                        it `display: inline-block`: it stays in the line but respects sizes.

                        One more rule of normal flow: the vertical margins of neighbouring
                        blocks **collapse**. A paragraph with `margin-bottom: 24px` followed by
                        one with `margin-top: 16px` ends up 24 pixels apart, not 40. The larger
                        margin wins. A common habit is to set margins in one direction only
                        (for example, only `margin-top` on elements that follow another) so
                        that you never have to think about it.

                        Flexbox and Grid, which come next, switch normal flow off for the
                        *children* of the element you apply them to. Inside a flex or grid
                        container, margins no longer collapse and inline children become
                        proper boxes.
                        """
                    ),
                ),
            ),
        ),
        DemoSection(
            "Flexbox",
            (
                DemoLesson(
                    "One direction at a time: the flex container",
                    body=_md(
                        """
                        Flexbox arranges the children of an element along a single line,
                        either a row or a column. You switch it on in the parent:

                        ```css
                        .toolbar {
                          display: flex;
                          gap: 12px;
                          justify-content: space-between;
                          align-items: center;
                        }
                        ```

                        Two axes matter. The **main axis** is the direction items flow in:
                        left to right for `flex-direction: row` (the default), top to bottom
                        for `column`. The **cross axis** runs across it.

                        - `justify-content` places items along the main axis: `flex-start`,
                          `center`, `flex-end`, `space-between`, `space-around`,
                          `space-evenly`.
                        - `align-items` places them along the cross axis: `stretch` (the
                          default, which is why flex children are all as tall as the tallest),
                          `center`, `flex-start`, `flex-end`, `baseline`.
                        - `gap` puts space *between* items only, never at the edges. It
                          replaces the old trick of margins on every child except the last.

                        When you switch to `flex-direction: column`, the axes swap:
                        `justify-content` now works vertically and `align-items`
                        horizontally. If a property seems to do nothing, check which way the
                        main axis runs.

                        By default items stay on one line and shrink to fit. Add
                        `flex-wrap: wrap` to let them move to a new line when they run out of
                        room, which is handy for lists of tags or buttons.
                        """
                    ),
                ),
                DemoLesson(
                    "Growing and shrinking: the flex shorthand",
                    body=_md(
                        """
                        Once items are in a flex container, three properties decide how they
                        share the space left over (or missing).

                        - `flex-basis` is the starting size, before sharing. `auto` means
                          "use my width, or my content's size".
                        - `flex-grow` says how many shares of the *extra* space an item
                          takes. Zero (the default) means it doesn't grow.
                        - `flex-shrink` says how much an item gives up when space runs short.
                          One (the default) means it shrinks along with the others.

                        You will rarely write them separately; the `flex` shorthand covers
                        the common cases:

                        ```css
                        .sidebar { flex: 0 0 240px; } /* fixed: never grows or shrinks */
                        .main    { flex: 1; }         /* takes all the remaining space */
                        ```

                        `flex: 1` sets grow to 1 and the basis to 0, so several items with
                        `flex: 1` end up exactly equal, whatever their content.

                        **The gotcha everyone meets once:** a flex item won't shrink below the
                        size of its content. A long URL or a wide code block inside `.main`
                        can push the whole layout off the screen. The fix is one line:

                        ```css
                        .main { flex: 1; min-width: 0; }
                        ```

                        `min-width: 0` lets the item become narrower than its content, so the
                        text can wrap or scroll inside it instead of breaking the page.
                        """
                    ),
                ),
                DemoLesson(
                    "A navigation bar from scratch",
                    body=_md(
                        """
                        Let's put the last two lessons together. The markup is a logo, a list
                        of links and a button:

                        ```html
                        <header class="bar">
                          <a class="logo" href="/">Lectern</a>
                          <nav><ul class="links">
                            <li><a href="/courses">Courses</a></li>
                            <li><a href="/teach">Teach</a></li>
                          </ul></nav>
                          <a class="button" href="/sign-in">Sign in</a>
                        </header>
                        ```

                        First, put the three parts on one line and centre them vertically:

                        ```css
                        .bar { display: flex; align-items: center; gap: 24px; padding: 12px 24px; }
                        ```

                        Now the links sit right after the logo. We want them in the middle
                        and the button on the right. Instead of `justify-content`, give the
                        navigation the free space:

                        ```css
                        .bar nav { flex: 1; }
                        .links {
                          display: flex;
                          gap: 16px;
                          list-style: none;
                          margin: 0;
                          padding: 0;
                        }
                        ```

                        The `nav` grows to fill everything between logo and button, and the
                        list inside it is its own small flex container. To centre the links
                        inside that space, add `justify-content: center` to `.links`.

                        Another handy trick is `margin-left: auto` on a flex item: an auto
                        margin swallows all the free space on that side, pushing the item
                        (and everything after it) to the far end. It's the quickest way to
                        send a single button to the right.

                        Finally, on narrow screens let the bar wrap instead of overflowing:
                        add `flex-wrap: wrap` to `.bar`. It isn't a full mobile menu, but
                        nothing will be cut off.
                        """
                    ),
                ),
            ),
        ),
        DemoSection(
            "Grid",
            (
                DemoLesson(
                    "Rows and columns with grid-template",
                    body=_md(
                        """
                        Flexbox thinks in one direction; Grid thinks in two. You describe the
                        tracks on the parent and the children drop into the cells in order.

                        ```css
                        .page {
                          display: grid;
                          grid-template-columns: 240px 1fr;
                          grid-template-rows: auto 1fr auto;
                          gap: 16px;
                          min-height: 100vh;
                        }
                        ```

                        The `fr` unit means "a fraction of the free space". `1fr 2fr` gives
                        the second column twice the room of the first, after fixed tracks and
                        gaps are taken out. `repeat(3, 1fr)` is shorthand for three equal
                        columns.

                        Items fill the grid left to right, row by row. To place one
                        explicitly, give the lines it spans. Grid lines are numbered from 1,
                        and -1 is the last line:

                        ```css
                        .header { grid-column: 1 / -1; }  /* across the whole width */
                        .footer { grid-column: 1 / -1; }
                        ```

                        For whole-page layouts, named areas read almost like a drawing:

                        ```css
                        .page {
                          grid-template-areas:
                            "header header"
                            "side   main"
                            "footer footer";
                        }
                        .header { grid-area: header; }
                        .side   { grid-area: side; }
                        ```

                        Open the developer tools' grid overlay (a small "grid" badge next to
                        the element) to see the lines and their numbers while you work.
                        """
                    ),
                ),
                DemoLesson(
                    "Responsive cards without media queries",
                    body=_md(
                        """
                        Here is one line of CSS that many sites use for galleries, product
                        lists and course catalogs:

                        ```css
                        .cards {
                          display: grid;
                          grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
                          gap: 1.5rem;
                        }
                        ```

                        Read it from the inside out:

                        - `minmax(16rem, 1fr)`: each column is at least 16rem wide and at most
                          one share of the free space.
                        - `repeat(auto-fill, …)`: make as many of those columns as fit in the
                          container.

                        On a phone, one column fits, so the cards stack. On a tablet two or
                        three fit; on a wide screen, four or five. The browser recalculates as
                        the window changes size, and you didn't write a single breakpoint.

                        **auto-fill or auto-fit?** They differ only when there are fewer items
                        than columns. `auto-fill` keeps the empty columns, so three cards on a
                        wide screen stay card-sized and leave space on the right.
                        `auto-fit` collapses the empty columns, so those three cards stretch
                        to fill the row. For a catalog, `auto-fill` usually looks better.

                        Watch for one edge case: on a screen narrower than 16rem (plus the
                        container's padding), a single card would overflow. Writing
                        `minmax(min(16rem, 100%), 1fr)` keeps the minimum from ever being wider
                        than the container.
                        """
                    ),
                ),
                DemoLesson(
                    "Flexbox or Grid? A rule of thumb",
                    body=_md(
                        """
                        Both can build most layouts, so beginners often wonder which one is
                        "right". A rule of thumb that holds up well in practice:

                        **Use Flexbox when the content decides the size.** A row of buttons, a
                        list of tags, a navigation bar, a card's footer with an icon and a
                        label: you have a handful of items, you want them lined up, and each
                        should be as wide as it needs.

                        **Use Grid when the layout decides the size.** A page with a sidebar,
                        a gallery with equal columns, a form with labels in one column and
                        fields in the other: you know the tracks first and put content into
                        them.

                        They also work well together. A typical page is a grid (header,
                        sidebar, main, footer), the header inside it is a flex row, and the
                        card gallery in the main area is a grid again, with each card's
                        footer a small flex row. Nesting is cheap; don't force one system to
                        do the other's job.

                        A few signs you picked the wrong one:

                        - You're adding fixed widths to flex items so they line up across
                          rows. That's a grid.
                        - You're creating a grid with one row and `auto` columns just to put
                          things side by side. That's flex.
                        - Items in different rows must align with each other. Only Grid (or
                          `subgrid`) can do that.

                        Revisit the navigation bar and the card gallery from this course and
                        ask which rule each one follows.
                        """
                    ),
                ),
            ),
        ),
    ),
)

ACCESSIBLE_FORMS = DemoCourse(
    title="Accessible Web Forms",
    subtitle="Labels, hints and error messages that work for everyone, keyboard and screen "
    "reader included",
    description=_md(
        """
        A form is where a visitor stops reading and starts doing: signing up, paying,
        applying. It is also where many sites quietly lock people out. A missing label, an
        error shown only in red, or a field that can't be reached with the keyboard is
        enough to lose someone for good.

        This course walks through a sign-up form from first field to final error message,
        using plain HTML first and ARIA only where HTML can't do the job. You will learn:

        - how assistive technology announces a field, and what it needs to do so;
        - how to group related options, give hints and ask for the right data;
        - how to report errors so that people can find and fix them;
        - how to check your own forms in ten minutes, without special tools.

        The examples are framework-free, so they apply whether you write React, Vue, Django
        templates or plain HTML.
        """
    ),
    topic="web-development",
    level=CourseLevel.intermediate,
    price_amount=2400,
    currency="USD",
    tags=("accessibility", "html", "forms", "aria", "wcag"),
    outcomes=(
        "Label every kind of form control so screen readers announce it correctly",
        "Group radio buttons and checkboxes with fieldset and legend",
        "Write hints and error messages that are connected to their fields",
        "Use autocomplete and input types to save people typing",
        "Test a form with only a keyboard and a screen reader",
    ),
    requirements=(
        "You build web pages with HTML and CSS",
        "Some JavaScript helps for the validation lessons",
    ),
    glyph=Glyph.form,
    sections=(
        DemoSection(
            "Foundations",
            (
                DemoLesson(
                    "Why forms fail people",
                    preview=True,
                    body=_md(
                        """
                        Picture four people filling in the same checkout form.

                        **Amira** is blind and uses a screen reader. She moves from field to
                        field with the Tab key and hears each one announced. If a field has no
                        label, she hears "edit text, blank" and has to guess.

                        **Tom** broke his wrist and can't use a mouse this month. He needs
                        every control, including that custom date picker, to work with the
                        keyboard, and he needs to *see* where the focus is.

                        **Lena** has low vision and zooms her browser to 200%. Placeholder
                        text in light grey is unreadable for her, and an error shown only as
                        a red border is invisible.

                        **Jorge** has dyslexia and is tired. A vague message like "invalid
                        input" at the top of a long page doesn't tell him which field is wrong
                        or what to type instead.

                        None of them is rare. Together, people with disabilities are a large
                        share of any audience, and everyone is "Jorge" on a bad day or "Tom"
                        while holding a baby in one arm. The fixes are mostly plain HTML you
                        already know, used carefully: real labels, real buttons, visible
                        focus, and clear messages connected to their fields.

                        The Web Content Accessibility Guidelines (WCAG) turn these needs into
                        testable criteria, and many laws refer to them. We'll mention the
                        relevant criteria as we go, but the goal of this course is simpler:
                        forms that Amira, Tom, Lena and Jorge can all finish.
                        """
                    ),
                ),
                DemoLesson(
                    "Every input needs a label",
                    body=_md(
                        """
                        A label is the name of a field. Screen readers announce it, speech
                        recognition users say it ("click Email"), and clicking it focuses the
                        field, which gives everyone a bigger target.

                        Connect a `<label>` to its input with `for` and `id`:

                        ```html
                        <label for="email">Email address</label>
                        <input id="email" name="email" type="email">
                        ```

                        Or wrap the input inside the label, which needs no ids:

                        ```html
                        <label>Email address <input name="email" type="email"></label>
                        ```

                        Three common mistakes:

                        1. **Placeholder instead of a label.** The placeholder disappears as
                           soon as you type, is often too pale to read, and isn't reliably
                           announced. Use it, if at all, for an example of the format.
                        2. **A label that isn't connected.** Text that merely sits next to
                           the input looks fine but means nothing to assistive technology.
                           Check that clicking the label focuses the field.
                        3. **Hidden labels by default.** A search box with a magnifier icon
                           can do without a visible label, but it still needs a name:
                           `aria-label="Search courses"` on the input, or a label hidden
                           with a visually-hidden CSS class.

                        Keep labels short and specific: "Email address" beats "Enter your
                        email address here", and "Card number" beats "Number".
                        """
                    ),
                ),
                DemoLesson(
                    "Grouping with fieldset and legend",
                    body=_md(
                        """
                        Some questions need more than one control to answer. "How would you
                        like to be contacted?" followed by three radio buttons labelled
                        *Email*, *Phone* and *Post* only makes sense if you hear the question
                        too. Wrap the group in a `fieldset` and put the question in its
                        `legend`:

                        ```html
                        <fieldset>
                          <legend>How would you like to be contacted?</legend>
                          <label><input type="radio" name="contact" value="email"> Email</label>
                          <label><input type="radio" name="contact" value="phone"> Phone</label>
                          <label><input type="radio" name="contact" value="post"> Post</label>
                        </fieldset>
                        ```

                        A screen reader entering the group announces the legend and then the
                        option, for example "How would you like to be contacted? group,
                        Email, radio button, 1 of 3". Radio buttons that share a `name` also
                        get arrow-key navigation for free.

                        Use a fieldset for:

                        - a set of radio buttons or checkboxes answering one question;
                        - a date split into day, month and year fields;
                        - a repeated block such as "Billing address" and "Shipping address",
                          where the same labels (Street, City) appear twice.

                        Don't wrap the *whole* form in one fieldset, and don't nest them
                        deeply: the legend is read out for every field inside, so long or
                        stacked legends become noise. If the default border looks dated,
                        style it away with CSS; the meaning stays.
                        """
                    ),
                ),
            ),
        ),
        DemoSection(
            "Helping people succeed",
            (
                DemoLesson(
                    "Hints and instructions that get read",
                    body=_md(
                        """
                        Some fields need a sentence of help: the password rules, the format
                        of a date, why you ask for a phone number. Put the hint *before* the
                        person types, close to the field, and connect it with
                        `aria-describedby`:

                        ```html
                        <label for="pw">Password</label>
                        <p id="pw-hint">At least 12 characters. A short sentence works well.</p>
                        <input id="pw" type="password" aria-describedby="pw-hint">
                        ```

                        Now a screen reader announces the label, then the hint. You can list
                        several ids separated by spaces, which is how a hint and an error
                        message can both be attached later.

                        Better than explaining a format is not needing one. Let the browser
                        help:

                        - **Input types** bring the right keyboard on phones: `type="email"`,
                          `type="tel"`, `type="url"`. For numbers that aren't quantities, such
                          as a card number or a code, use `inputmode="numeric"` on a text
                          input instead of `type="number"`.
                        - **autocomplete** lets browsers and password managers fill known
                          data: `autocomplete="email"`, `"name"`, `"street-address"`,
                          `"postal-code"`, `"new-password"`, `"one-time-code"`. This is a
                          WCAG criterion in its own right (Identify Input Purpose), and it
                          saves everyone time.
                        - **Be liberal in what you accept.** Strip spaces from card numbers,
                          accept phone numbers with or without dashes, and don't force a
                          date format if you can parse several.

                        Finally, mark required fields in the label text ("Email (required)")
                        or mark the *optional* ones if they are fewer. An asterisk alone needs
                        an explanation somewhere above the form.
                        """
                    ),
                ),
                DemoLesson(
                    "Error messages done right",
                    body=_md(
                        """
                        A good error message answers three questions: *which* field, *what*
                        went wrong, and *how* to fix it. "Enter a date in the past, like
                        14 March 1990" beats "Invalid date" every time.

                        **When to validate.** Checking as someone types interrupts them and
                        flags half-finished input. A friendlier default: validate a field
                        when the person leaves it, and validate everything on submit.

                        **Connect the message to the field:**

                        ```html
                        <label for="dob">Date of birth</label>
                        <input id="dob" aria-invalid="true" aria-describedby="dob-error">
                        <p id="dob-error">Enter a date in the past, like 14 March 1990.</p>
                        ```

                        `aria-invalid` tells assistive technology the value is wrong, and
                        `aria-describedby` makes the message part of the field's description,
                        so it is read when the field gets focus.

                        **Don't rely on colour.** A red border alone fails people who can't
                        tell red apart. Add an icon and, above all, the words.

                        **On submit, summarise.** If there are several errors, show a short
                        list at the top of the form with a link to each field, and move focus
                        to that list (give it `tabindex="-1"` and call `focus()`). Screen
                        reader users hear that something went wrong instead of wondering why
                        the page didn't change.

                        **Keep what they typed.** Never clear a form after an error, except
                        for password fields if your security policy demands it.
                        """
                    ),
                ),
                DemoLesson(
                    "Testing with a keyboard and a screen reader",
                    body=_md(
                        """
                        You don't need an audit to catch most form problems. Ten minutes and
                        two tools you already have will do.

                        **Keyboard pass.** Put the mouse away and fill in the form:

                        - Tab moves forward, Shift+Tab back. Does focus visit every field and
                          button, in the order you read them?
                        - Can you always see where the focus is? If not, your CSS removed the
                          outline; restore it with a clear `:focus-visible` style.
                        - Space toggles checkboxes, arrow keys move between radio buttons,
                          Enter submits. Does your custom dropdown follow the same rules?
                        - After submitting with an error, where does focus land?

                        **Screen reader pass.** Every major system ships one: VoiceOver on
                        macOS and iOS (Cmd+F5 to toggle on a Mac), Narrator on Windows
                        (Ctrl+Win+Enter), TalkBack on Android. NVDA is a free, widely used
                        alternative on Windows. Tab through the form again and listen:

                        - Is every field announced with its label, its type and whether it
                          is required?
                        - Are hints and errors read out?
                        - Do grouped options announce their question?

                        **Zoom pass.** Zoom the browser to 200% and fill in the form once
                        more. Nothing should overlap or need horizontal scrolling.

                        Write down what you find as you go; each item is usually a one-line
                        fix. Repeat the passes whenever the form changes.
                        """
                    ),
                ),
            ),
        ),
    ),
)

# --- Data science ---------------------------------------------------------------------------

PANDAS = DemoCourse(
    title="Data Analysis with Python and pandas",
    subtitle="From a messy CSV file to clear answers and a chart, one question at a time",
    description=_md(
        """
        If your working day involves a spreadsheet that has grown too big, too slow or too
        fragile, pandas is the next step. It is the Python library analysts, scientists and
        journalists use to load, clean, reshape and summarise tables of data, and it
        rewards a small amount of learning with a lot of saved time.

        We work through one realistic dataset, a year of orders from a small online shop,
        and answer the questions a manager would ask: which products sell best, in which
        months, and to whom. Each lesson adds one tool: loading, selecting, grouping,
        cleaning, charting and exporting.

        You don't need to be a programmer. If you have written a formula in a spreadsheet,
        you have already done the hardest part of thinking like pandas.
        """
    ),
    topic="data-science",
    level=CourseLevel.beginner,
    price_amount=3900,
    currency="USD",
    owner=Person.admin,
    tags=("python", "pandas", "data analysis", "csv", "jupyter"),
    outcomes=(
        "Load CSV files into a DataFrame and inspect their structure",
        "Select the rows and columns that answer a question",
        "Summarise data with groupby and aggregations",
        "Find and handle missing values",
        "Draw quick charts and export clean results",
    ),
    requirements=(
        "Python 3 installed, or a free Jupyter notebook in the browser",
        "Comfort with spreadsheets; no programming experience needed",
    ),
    glyph=Glyph.chart,
    sections=(
        DemoSection(
            "Getting started",
            (
                DemoLesson(
                    "What pandas is for",
                    preview=True,
                    body=_md(
                        """
                        pandas gives Python two new kinds of object. A **Series** is a single
                        column of values with labels. A **DataFrame** is a table: several
                        Series side by side, sharing the same row labels (the *index*). If
                        you picture a spreadsheet tab, you have pictured a DataFrame.

                        What makes it worth learning is that you work on **whole columns at
                        once**. Instead of writing a formula in one cell and dragging it down
                        100,000 rows, you write:

                        ```python
                        orders["total"] = orders["price"] * orders["quantity"]
                        ```

                        and every row is computed in one step, quickly, and in a way you can
                        read again next month. Your analysis becomes a script: rerun it on
                        next quarter's file and you get next quarter's answers.

                        To follow along, install pandas into your Python environment:

                        ```
                        python -m pip install pandas matplotlib jupyterlab
                        ```

                        and start a notebook with `jupyter lab`. Notebooks let you run one
                        step at a time and see each result as a table, which suits
                        exploration perfectly. By convention pandas is imported under a short
                        name:

                        ```python
                        import pandas as pd
                        ```

                        When *not* to use pandas: for a table of fifty rows you'll edit by
                        hand, a spreadsheet is still the better tool. pandas shines when the
                        data is large, arrives repeatedly, or needs the same cleaning every
                        time.
                        """
                    ),
                ),
                DemoLesson(
                    "Loading a CSV and looking around",
                    body=_md(
                        """
                        Most data arrives as a CSV file. Load it with `read_csv`:

                        ```python
                        orders = pd.read_csv("orders.csv", parse_dates=["ordered_at"])
                        ```

                        `parse_dates` turns the text in that column into real dates, so you
                        can later group by month or compare with `<` and `>`.

                        Before asking any question, look at what you loaded. Five commands
                        cover most first looks:

                        - `orders.head()` shows the first five rows. Check the column names
                          and whether the values look like what you expected.
                        - `orders.shape` gives `(rows, columns)`. Compare it with what the
                          file should contain.
                        - `orders.info()` lists each column with its type and how many values
                          are *not* missing. A price column of type `object` usually means
                          some rows contain text, like "12,50" or "n/a".
                        - `orders.describe()` summarises the numeric columns: count, mean,
                          min, max and quartiles. A negative quantity or a price of 99999
                          jumps out here.
                        - `orders["country"].value_counts()` counts each distinct value of
                          one column, which quickly reveals typos such as "Germany" and
                          "germany".

                        Files from other countries often need two extra arguments: `sep=";"`
                        when columns are separated by semicolons, and `decimal=","` when
                        numbers use a decimal comma. If the accented letters come out
                        garbled, try `encoding="latin-1"`.
                        """
                    ),
                ),
            ),
        ),
        DemoSection(
            "Asking questions of data",
            (
                DemoLesson(
                    "Selecting rows and columns",
                    body=_md(
                        """
                        Most questions start by narrowing the table down.

                        **Columns.** One column in square brackets gives a Series; a list of
                        columns gives a smaller DataFrame:

                        ```python
                        orders["price"]
                        orders[["ordered_at", "product", "price"]]
                        ```

                        **Rows by condition.** A comparison on a column produces a Series of
                        True/False values, a *mask*. Put it in square brackets to keep the
                        True rows:

                        ```python
                        big = orders[orders["total"] > 100]
                        ```

                        Combine conditions with `&` (and) and `|` (or), and wrap each one in
                        parentheses, because of how Python ranks these operators:

                        ```python
                        orders[(orders["country"] == "France") & (orders["total"] > 100)]
                        ```

                        For "one of several values", `isin` reads better than a chain of `|`:
                        `orders[orders["country"].isin(["France", "Spain"])]`.

                        **Rows and columns together.** `loc` selects by labels and
                        conditions, `iloc` by position:

                        ```python
                        orders.loc[orders["total"] > 100, ["product", "total"]]
                        orders.iloc[:10, :3]   # first ten rows, first three columns
                        ```

                        When you want to *change* the selected values, always do it through
                        `loc` in one step, for example
                        `orders.loc[orders["country"] == "UK", "country"] = "United Kingdom"`.
                        Chained brackets may change a temporary copy instead of your table.
                        """
                    ),
                ),
                DemoLesson(
                    "Group by: split, apply, combine",
                    body=_md(
                        """
                        "Revenue per country" or "average basket per month" are the same
                        pattern: **split** the rows into groups, **apply** a calculation to
                        each group, **combine** the results into a new table. In pandas that
                        is `groupby`:

                        ```python
                        orders.groupby("country")["total"].sum()
                        ```

                        The result is a Series with one row per country. Sort it to find the
                        top markets: add `.sort_values(ascending=False)`.

                        To compute several things at once, use `agg` with named results:

                        ```python
                        summary = orders.groupby("product").agg(
                            orders=("order_id", "count"),
                            revenue=("total", "sum"),
                            average=("total", "mean"),
                        )
                        ```

                        Each keyword becomes a column: its name, the column to use and the
                        function. Common functions are `"sum"`, `"mean"`, `"median"`,
                        `"count"`, `"min"`, `"max"` and `"nunique"` (the number of distinct
                        values, for example distinct customers).

                        Group by time with the `dt` accessor on a date column:

                        ```python
                        month = orders["ordered_at"].dt.to_period("M")
                        monthly = orders.groupby(month)["total"].sum()
                        ```

                        You can group by several columns with a list, such as
                        `["country", "product"]`. The groups become the index; call
                        `.reset_index()` to turn them back into ordinary columns, which is
                        handy before exporting or plotting.
                        """
                    ),
                ),
                DemoLesson(
                    "Cleaning missing values",
                    body=_md(
                        """
                        Real data has holes. pandas marks a missing value as `NaN` (or `NaT`
                        for dates and `None`/`pd.NA` in some column types), and it treats
                        them in a specific way you need to know.

                        **Find them first:**

                        ```python
                        orders.isna().sum()                # missing values per column
                        orders[orders["email"].isna()]     # the rows missing an email
                        ```

                        **Know what calculations do with them.** `sum()`, `mean()` and most
                        aggregations *skip* missing values. That's often right, but an
                        average over the rows that happen to have a value can mislead if the
                        missing ones aren't random.

                        **Then choose, column by column:**

                        - *Drop* rows when the value is essential and rarely missing:
                          `orders.dropna(subset=["total"])`.
                        - *Fill* with a sensible default when one exists:
                          `orders["coupon"].fillna("none")`. Filling numbers with zero is only
                          right if missing truly means zero.
                        - *Leave* them when the question doesn't involve that column.

                        A related problem is numbers stored as text. `pd.to_numeric(
                        orders["price"], errors="coerce")` converts what it can and turns the
                        rest into `NaN`, so the bad rows become easy to find with `isna()`.

                        Whatever you decide, write it down in your notebook. "Dropped 37
                        orders without a total" is a sentence your reader needs to see.
                        """
                    ),
                ),
            ),
        ),
        DemoSection(
            "Sharing results",
            (
                DemoLesson(
                    "Quick charts with plot()",
                    body=_md(
                        """
                        A chart often answers a question faster than a table. Every Series
                        and DataFrame has a `plot` method that draws with matplotlib:

                        ```python
                        monthly.plot(kind="line", title="Revenue per month")
                        ```

                        Pick the kind of chart from the question:

                        - **How does it change over time?** A line: `kind="line"`.
                        - **How do categories compare?** Bars, sorted, so the order means
                          something: `by_country.sort_values().plot(kind="barh")`. Horizontal
                          bars leave room for long labels.
                        - **How are values spread?** A histogram: `orders["total"].plot(
                          kind="hist", bins=30)`.
                        - **Are two measures related?** A scatter:
                          `orders.plot(kind="scatter", x="quantity", y="total")`.

                        `plot` returns a matplotlib *Axes*, so you can finish the chart
                        before sharing it:

                        ```python
                        ax = by_country.sort_values().plot(kind="barh")
                        ax.set_xlabel("Revenue (EUR)")
                        ax.set_ylabel("")
                        ax.figure.savefig("revenue-by-country.png", dpi=150, bbox_inches="tight")
                        ```

                        Three habits make charts honest and readable: label the units, start
                        bar charts at zero, and give the chart a title that states the
                        finding ("Spain overtook France in June") rather than the topic
                        ("Revenue by country").
                        """
                    ),
                ),
                DemoLesson(
                    "Exporting what you found",
                    body=_md(
                        """
                        Your analysis is only useful once someone else can use the result.
                        pandas writes to the formats people ask for:

                        ```python
                        summary.to_csv("summary.csv")
                        summary.to_excel("summary.xlsx", sheet_name="By product")
                        ```

                        Writing Excel files needs one extra package, `openpyxl`, installed
                        with pip. Two arguments come up often:

                        - `index=False` leaves out the row labels. Use it when the index is
                          just 0, 1, 2, …; keep the index when it holds the groups (after a
                          `groupby`), or call `reset_index()` first so they become a column.
                        - `float_format="%.2f"` rounds numbers on the way out without
                          changing your data.

                        For data that *you* will load again, such as a cleaned version of a
                        big file, prefer **Parquet**: `orders.to_parquet("orders.parquet")`
                        (it needs `pyarrow`). It is much smaller than CSV, loads faster, and
                        remembers each column's type, so dates stay dates.

                        Finally, make the whole notebook repeatable. Restart the kernel and
                        run every cell from the top ("Restart Kernel and Run All Cells" in
                        JupyterLab). If it finishes without errors and produces the same
                        files, you have an analysis you can hand over, or rerun yourself next
                        month with new data.
                        """
                    ),
                ),
            ),
        ),
    ),
)

# --- Video production -----------------------------------------------------------------------

COLOR_GRADING = DemoCourse(
    title="Color Grading in DaVinci Resolve",
    subtitle="Read the scopes, balance every shot and build a look that survives skin tones",
    description=_md(
        """
        You can already cut a film; now you want it to *look* like one. This course is for
        editors and shooters who know their way around Resolve's Edit page and want a
        reliable, repeatable way of working on the Color page.

        We trust the scopes more than our eyes, keep every node to one job, and build looks
        on top of a clean balance rather than in place of one. Along the way you will isolate
        a colour with a qualifier, track a window on a moving face, and match a whole scene
        shot by shot so that nobody notices the cuts.

        The footage used in the lessons is ordinary: a dialogue scene under mixed light, an
        overcast exterior and a sunset that came out too orange. That's the point: these
        techniques rescue real footage, not just demo reels.
        """
    ),
    topic="video-production",
    level=CourseLevel.advanced,
    price_amount=5900,
    currency="USD",
    co_instructor=Person.admin,
    tags=("color grading", "davinci resolve", "scopes", "post-production", "film look"),
    outcomes=(
        "Read the waveform, parade and vectorscope to judge exposure and colour",
        "Balance shots with lift, gamma, gain and offset",
        "Organise a node tree that you and others can read",
        "Isolate colours and areas with qualifiers, windows and tracking",
        "Match a scene shot by shot and build a consistent look",
    ),
    requirements=(
        "DaVinci Resolve (the free version is enough) on a capable computer",
        "You can edit a timeline on the Edit page",
        "Ideally, footage shot in a log or flat profile",
    ),
    glyph=Glyph.wheels,
    sections=(
        DemoSection(
            "A clean starting point",
            (
                DemoLesson(
                    "Reading the scopes",
                    preview=True,
                    body=_md(
                        """
                        Your monitor, the light in your room and your tired eyes all lie. The
                        scopes don't. Open them on the Color page (the scope button in the
                        toolbar, or Workspace > Video Scopes) and keep three in view.

                        **Waveform.** The horizontal axis is the picture, left to right; the
                        vertical axis is brightness, from black at the bottom to white at the
                        top. A face on the left of the frame shows up as a cluster on the left
                        of the waveform, and you can read its level directly. Values pressed
                        flat against the bottom or top are crushed blacks or clipped
                        highlights: detail that's gone.

                        **Parade.** The same graph split into red, green and blue side by side.
                        Anything that should be neutral (a white wall, a grey shirt, deep
                        shadows) should line up at the same height in all three. If the blue
                        trace sits higher in the highlights, the highlights are blue.

                        **Vectorscope.** A circle of hue: the angle is the colour, the distance
                        from the centre is the saturation. A neutral image sits in the middle.
                        Turn on the skin tone indicator: whatever a person's complexion, skin
                        falls close to that one line, which makes it the most useful reference
                        you have.

                        Make it a habit: before touching a wheel, look at the parade for
                        balance and the waveform for exposure. After every change, look
                        again.
                        """
                    ),
                ),
                DemoLesson(
                    "Balancing a shot with the primaries",
                    video=SCOPES_VIDEO,
                    body=_md(
                        """
                        The first job on every shot is a neutral, well-exposed *balance*. The
                        look comes later. Resolve's Primaries palette gives you four wheels,
                        each with a master ring underneath:

                        - **Lift** moves the shadows most and the highlights least.
                        - **Gamma** moves the midtones, leaving the ends roughly in place.
                        - **Gain** moves the highlights most and the shadows least.
                        - **Offset** moves everything by the same amount.

                        A reliable order:

                        1. **Set the range.** Watch the waveform. Bring the darkest part of the
                           picture down to just above the bottom with the lift master, and
                           the brightest important highlight to a sensible level with gain.
                           On log footage, start with contrast and pivot, or a colour space
                           transform, rather than forcing it with wheels.
                        2. **Neutralise.** Find something that should be neutral and watch the
                           parade. Push the wheel *away* from the colour that's too strong:
                           if the shadows are blue, move lift towards yellow until the three
                           traces line up at the bottom. Repeat with gain for the highlights.
                        3. **Place the midtones.** Use gamma to set the overall brightness,
                           usually judged on the face.

                        Small moves. A wheel pushed to the edge almost always means the
                        problem is elsewhere, for example a wrong colour space setting or
                        white balance.

                        When the shot looks neutral and boring, you have succeeded. Boring is
                        the right place to start a look from.
                        """
                    ),
                ),
                DemoLesson(
                    "A node tree you can read",
                    body=_md(
                        """
                        Each node in Resolve's node editor is a small grade of its own, and
                        the image passes through them from left to right. Nothing forces you
                        to organise them, which is exactly why many projects end up with one
                        node holding twenty adjustments nobody can untangle.

                        A simple rule fixes that: **one node, one job.** Add a serial node
                        with Alt+S (Option+S on a Mac) every time you start a new kind of
                        adjustment, and name it (right-click > Node Label). A starting tree
                        for most shots:

                        1. **Exposure**: lift, gamma and gain for the range.
                        2. **Balance**: neutralising colour casts.
                        3. **Secondaries**: a node for each qualifier or window (the sky,
                           the face).
                        4. **Look**: the creative part, usually the same for the whole scene.

                        Order matters because each node receives what the previous one made.
                        A look applied *before* the balance will react differently to every
                        shot; applied *after* a clean balance, it behaves the same on all of
                        them, which is what lets you copy it across a scene.

                        Two more habits. Toggle a node on and off (Ctrl+D, Cmd+D on a Mac) to
                        check that it still earns its place. And when a look is shared by
                        many shots, keep it in one place (a group's post-clip node, or a
                        shared node) so that one change updates the whole scene.
                        """
                    ),
                ),
            ),
        ),
        DemoSection(
            "Secondaries",
            (
                DemoLesson(
                    "Qualifiers: isolating a colour",
                    body=_md(
                        """
                        Primaries change the whole picture. A **qualifier** lets you change
                        only the pixels of a certain hue, saturation and brightness: a sky
                        that's too pale, a shirt that's too loud, skin that went green under
                        office lights.

                        In a new node, open the Qualifier palette and click the eyedropper on
                        the colour you want. Resolve selects similar pixels. Turn on the
                        highlight view (Shift+H) to see the selection against grey, and
                        refine it:

                        - Widen or narrow the **hue**, **saturation** and **luminance**
                          ranges until the whole object is selected and little else.
                        - Use **Clean Black** and **Clean White** to remove speckles from the
                          matte and fill holes.
                        - Add a little **blur radius** so the edge doesn't buzz.

                        Then turn the highlight off and make your change in that node:
                        saturation down for the loud shirt, a small hue shift for the sky.

                        Qualifiers work best for modest, believable changes. If you push
                        hard, noise and compression artefacts appear at the edges of the
                        matte, especially in 8-bit footage. When a qualifier catches things
                        it shouldn't, such as a wooden table that matches the skin, combine
                        it with a window (next lesson) to limit it to one area.
                        """
                    ),
                ),
                DemoLesson(
                    "Power windows and tracking",
                    body=_md(
                        """
                        A **window** (Resolve calls them Power Windows) limits a node to an
                        area of the frame: a circle, a linear shape, a polygon, a free curve
                        or a gradient. Windows are how colourists relight a shot after the
                        fact.

                        The classic use is drawing the eye to a face. In a new node, add a
                        circular window, shape it loosely around the head and shoulders, and
                        give it a generous softness so that there's no visible edge. Raise
                        gamma a touch inside. Then invert the thinking: in another node, use
                        the same window inverted to take the background down a little. The
                        viewer won't see a vignette, only a better-lit subject.

                        When the subject or the camera moves, the window must follow. Open
                        the Tracker palette, put the playhead on the frame where you drew the
                        window and track forwards and backwards. Resolve follows the texture
                        inside the window, so check the whole shot: if it drifts, fix the
                        frame where it goes wrong and track again from there.

                        Three cautions. Keep the window soft and the change small; a hard
                        edge or a big change reads as a spotlight. Watch the waveform so the
                        face doesn't end up brighter than the sky behind it. And name these
                        nodes, because "why is there a circle here?" is a common question six
                        months later.
                        """
                    ),
                ),
            ),
        ),
        DemoSection(
            "Looks and consistency",
            (
                DemoLesson(
                    "Building a look without breaking skin",
                    body=_md(
                        """
                        A *look* is a deliberate departure from neutral that gives a film its
                        mood: cool and contrasty for a thriller, soft and warm for a memory.
                        Build it in its own node, after the balance, so every shot receives
                        the same treatment.

                        Some dependable ingredients:

                        - **Contrast with a curve.** A gentle S-curve in the custom curves
                          darkens shadows and brightens highlights while leaving midtones
                          where they are.
                        - **Split toning.** Shift shadows slightly towards one hue and
                          highlights towards another with the lift and gain wheels. The
                          familiar "teal and orange" works because skin sits in the orange
                          family; subtler pairs (green shadows, amber highlights) feel less
                          like a trailer.
                        - **Saturation by luminance.** Lowering saturation in the deepest
                          shadows and brightest highlights often looks more like film than
                          lowering it everywhere.

                        Then protect the people. Check the vectorscope: skin should still sit
                        close to the skin tone line. If the look dragged it away, add a node
                        *after* the look with a qualifier on skin and pull it gently back.
                        Audiences forgive a strange sky; they don't forgive a sick-looking
                        face.

                        Finally, judge the look on several shots and at normal playback, not
                        on one paused frame you've stared at for ten minutes. Your eyes adapt
                        quickly to any colour; take a break and look again.
                        """
                    ),
                ),
                DemoLesson(
                    "Matching a scene shot by shot",
                    body=_md(
                        """
                        A scene is graded when the viewer never notices the cuts. Cameras,
                        lenses and a passing cloud all conspire against that, so matching is
                        a step of its own.

                        1. **Pick the hero shot**: usually the widest or the most important
                           shot of the scene. Grade it fully.
                        2. **Grab a still** of it (right-click the viewer > Grab Still). It
                           goes into the Gallery.
                        3. **Compare.** On the next shot, play the still back and turn on the
                           image wipe. Drag the wipe across a face or a neutral object and
                           compare both halves, then check the parade of each shot in turn.
                        4. **Match in the balance node**, not in the look: the differences
                           between shots come from the shooting, so fix them where the
                           shooting is corrected.

                        To save time, copy grades rather than rebuilding them. Select the
                        shots that need the hero's grade in the timeline, then middle-click
                        the hero's thumbnail. For shot–reverse-shot dialogue, the Equals key
                        applies the grade of the clip one before, which suits alternating
                        angles.

                        Last, watch the whole scene in real time, twice. Jumps in brightness
                        or colour that you didn't see on stills become obvious in motion. Fix
                        them, then watch once more.
                        """
                    ),
                ),
            ),
        ),
    ),
)

SMARTPHONE_FILMMAKING = DemoCourse(
    title="Smartphone Filmmaking Essentials",
    subtitle="Shoot steady, well-lit, clearly heard video with the phone already in your pocket",
    description=_md(
        """
        The camera in your phone is better than the ones many documentaries were shot on
        twenty years ago. What usually lets phone videos down isn't the phone: it's shaky
        framing, bad light and sound recorded from across the room.

        This free course fixes those three things first. You will learn to lock focus and
        exposure, hold a shot steady without a gimbal, use a window as your key light and
        record voices people can actually hear. Then we shoot a short sequence designed to
        be edited, and cut it together in an afternoon.

        Everything works with any recent iPhone or Android phone and accessories that cost
        less than a dinner out.
        """
    ),
    topic="video-production",
    level=CourseLevel.beginner,
    tags=("smartphone", "filmmaking", "video", "lighting", "audio"),
    outcomes=(
        "Lock focus and exposure so shots don't pulse or hunt",
        "Hold steady handheld shots without a gimbal",
        "Light a person with a window",
        "Record clear dialogue with a cheap external microphone",
        "Shoot coverage that cuts together into a short story",
    ),
    requirements=("A smartphone with a camera app and some free storage",),
    glyph=Glyph.play,
    sections=(
        DemoSection(
            "Before you press record",
            (
                DemoLesson(
                    "Your phone is a real camera",
                    video=PHONE_CAMERA_VIDEO,
                    preview=True,
                    body=_md(
                        """
                        Phones are designed to take a good picture without thought, and for
                        photos that works. For video, the same automation gets in the way:
                        the phone keeps re-adjusting focus and brightness during the shot, so
                        the picture "breathes" every time someone walks past.

                        **Lock focus and exposure.** On most phones, press and hold on your
                        subject in the camera app until you see a lock (AE/AF lock on an
                        iPhone). Now the phone keeps the settings for the whole shot. Many
                        apps also let you drag the exposure up or down after locking; expose
                        for faces, and accept that a bright window may go white.

                        **Choose a frame rate and keep it.** 24 or 25 frames per second gives
                        the familiar film motion; 30 is common for online video. Pick one in
                        the settings and shoot the whole project at it. Use 60 or more only
                        for shots you plan to slow down.

                        **Hold the phone horizontally** unless the video is made only for a
                        vertical platform. It matches most screens and gives you room for
                        two people in a frame.

                        **Clean the lens.** Phones live in pockets, and a thumbprint turns
                        every light into a smeary glow. A soft cloth before each shoot is the
                        cheapest upgrade there is.

                        **Free up space and charge.** Video fills storage quickly. Start with
                        a full battery, turn on airplane mode so a call doesn't end your
                        best take, and turn on the grid lines to help keep horizons level.
                        """
                    ),
                ),
                DemoLesson(
                    "Steady shots without a gimbal",
                    video=STEADY_SHOTS_VIDEO,
                    body=_md(
                        """
                        Shaky footage is the fastest way to look amateur, and a gimbal isn't
                        the only cure. Your body is a decent stabiliser once you use it
                        deliberately.

                        **Two hands, elbows in.** Hold the phone with both hands and tuck
                        your elbows against your ribs. Your arms stop acting like springs.
                        Breathe out slowly during the shot.

                        **Lean on the world.** A wall, a doorframe, a table, a railing: any
                        solid thing you can rest the phone or your arms on is a free tripod.
                        For static shots, a tiny tripod with a phone clamp is even better.

                        **Walk like a ninja.** When moving, bend your knees slightly and roll
                        each step from heel to toe, keeping your upper body level. Move
                        slower than feels natural; on screen it will look right.

                        **Go wide for movement.** The main (wide) lens hides shake far better
                        than the zoom lens, which magnifies every tremor. Instead of zooming
                        in, walk closer.

                        **Let the phone help, a little.** Built-in stabilisation (often
                        called "action mode" or "enhanced stabilisation") smooths walking
                        shots by cropping into the image. Use it for movement; for still
                        shots it isn't needed.

                        Finally, the most stable shot is often the one that doesn't move.
                        Hold each shot still for a good ten seconds and let the action happen
                        inside the frame.
                        """
                    ),
                ),
            ),
        ),
        DemoSection(
            "Light and sound",
            (
                DemoLesson(
                    "Using window light",
                    video=WINDOW_LIGHT_VIDEO,
                    body=_md(
                        """
                        A window is a big, soft light source that costs nothing. Used well, it
                        beats most cheap lamps.

                        **Place the person at an angle to the window**, roughly 45 degrees,
                        so that light falls across the face from one side. One side of the
                        face is brighter than the other, which gives shape and depth. Facing
                        the window straight on gives flat but very flattering light; having
                        the window *behind* the person turns them into a silhouette, because
                        the phone exposes for the bright background.

                        **Turn off the ceiling lights.** Daylight is bluish and household
                        bulbs are usually warmer. Mixing them gives faces with two colours,
                        which no phone can fix. One kind of light is always better than more
                        light of different kinds.

                        **Fill the shadow side if it's too dark.** A sheet of white card, a
                        white towel over a chair, or a wall just out of frame bounces window
                        light back into the shadows. Move it closer for more fill.

                        **Watch the time and the weather.** Direct sun through a window is
                        harsh and moves quickly; a north-facing window (south-facing in the
                        southern hemisphere) or an overcast day gives steady, soft light that
                        stays the same for hours, which matters when a shoot takes a while.

                        Lock exposure on the face, check the result on the phone at full
                        brightness, and take a short test clip before recording for real.
                        """
                    ),
                ),
                DemoLesson(
                    "Sound matters more than picture",
                    body=_md(
                        """
                        Audiences forgive a soft or grainy picture. They stop watching when
                        they can't understand what's being said. The phone's built-in
                        microphones are good, but they're on the phone, usually far from the
                        speaker's mouth, and they hear the whole room.

                        **Distance is everything.** Sound loses clarity quickly with distance,
                        and room echo takes over. A cheap **lavalier** (clip-on) microphone
                        a hand's width below the chin sounds better than an expensive
                        microphone two metres away. Wired lavaliers plug into the phone's
                        port (through an adapter if needed); small wireless kits free you
                        from the cable.

                        **Choose the room.** Hard, empty rooms echo. Rooms with sofas, curtains,
                        rugs and bookshelves sound calm. Turn off fridges, fans and air
                        conditioning for the take, and close the windows.

                        **Listen with headphones.** Your ears adjust to noise you aren't
                        listening for. Headphones reveal the hum and the rustling collar
                        before it's too late.

                        **Record room tone.** Before or after the take, ask everyone to stay
                        silent and record 20 seconds of the room. In the edit, this "silence"
                        fills gaps so that cuts don't sound like holes.

                        **Do a test.** Record ten seconds, play it back with headphones, and
                        adjust. It's the most valuable minute of any shoot.
                        """
                    ),
                ),
            ),
        ),
        DemoSection(
            "Telling the story",
            (
                DemoLesson(
                    "Shoot for the edit: wide, medium, close",
                    body=_md(
                        """
                        A single long shot of someone making coffee is dull. Five short shots
                        of the same action can be a small story. The difference is
                        **coverage**: filming the same moment from several distances and
                        angles so that the editor has choices.

                        A simple recipe for any action, often called the five-shot sequence:

                        1. **Close-up of the hands**: what is happening (the kettle, the
                           spoon).
                        2. **Close-up of the face**: who is doing it, and how they feel.
                        3. **Wide shot**: where we are, and the whole action.
                        4. **Over-the-shoulder**: the action from the person's point of view.
                        5. **Something unusual**: a low angle, a reflection, a detail.

                        Ask the person to repeat the action for each shot, doing it the same
                        way each time. That continuity (same hand, same cup, same order) is
                        what lets the shots cut together smoothly.

                        **Hold every shot.** Start recording a couple of seconds before the
                        action and keep going a couple of seconds after. Editors need those
                        "handles" to choose the cut point.

                        **Change size or angle between shots.** Cutting from a medium shot to
                        a slightly closer medium shot of the same person looks like a
                        mistake, a "jump cut". Changing distance clearly, or moving the camera
                        by at least 30 degrees, makes the cut feel intentional.
                        """
                    ),
                ),
                DemoLesson(
                    "A first edit in an afternoon",
                    body=_md(
                        """
                        Any editing app will do: a free desktop editor, or an app on the
                        phone itself. The process matters more than the tool.

                        **1. Gather and watch.** Copy all clips into one folder and watch
                        everything once, noting the best takes. It feels slow; it saves time.

                        **2. Rough cut.** Put the shots in story order, trimmed loosely. Don't
                        polish yet. The goal is to see whether the story works at all.

                        **3. Tighten.** Now cut each shot to the moment it stops adding
                        something. Most first edits improve by getting shorter. **Cut on
                        action**: if a hand reaches for the cup in the wide shot, cut to the
                        close-up in the middle of the movement. The motion hides the cut.

                        **4. Sound.** Use **J and L cuts**: let the sound of the next shot
                        start a moment before its picture (a J cut), or the sound of the last
                        shot continue over the next picture (an L cut). Dialogue feels
                        natural instead of chopped. Fill gaps with the room tone you
                        recorded.

                        **5. Music, quietly.** If you add music, keep it well under the
                        voices and use tracks you have the rights to use.

                        **6. Export and watch on another screen.** Watch on a phone and on a
                        laptop, ideally with someone who hasn't seen it. Their first
                        reactions tell you what to fix.
                        """
                    ),
                ),
            ),
        ),
    ),
)

# --- Photography ----------------------------------------------------------------------------

NATURAL_LIGHT = DemoCourse(
    title="Fotografía con luz natural",
    subtitle="Aprende a ver, elegir y aprovechar la luz que ya tienes, con cualquier cámara",
    description=_md(
        """
        La diferencia entre una foto corriente y una foto memorable casi nunca es la cámara:
        es la luz. En este curso aprenderás a leerla antes de disparar, a moverte (tú o tu
        modelo) hasta encontrar la buena, y a exponer correctamente sin depender del modo
        automático.

        Trabajamos solo con luz natural: el sol, el cielo, una ventana y una cartulina
        blanca. Cada lección termina con un pequeño ejercicio para hacer en casa o en la
        calle.

        Sirve igual para una cámara réflex, una sin espejo o un teléfono móvil: lo que
        aprendes es a mirar.
        """
    ),
    topic="photography",
    level=CourseLevel.all_levels,
    language="es",
    price_amount=1900,
    currency="EUR",
    tags=("fotografía", "luz natural", "retrato", "exposición", "hora dorada"),
    outcomes=(
        "Distinguir la luz dura de la luz suave y saber cuándo usar cada una",
        "Planificar sesiones en la hora dorada y la hora azul",
        "Elegir la dirección de la luz según lo que quieres contar",
        "Hacer retratos junto a una ventana con un reflector casero",
        "Exponer con confianza usando el histograma",
    ),
    requirements=(
        "Cualquier cámara, incluida la de un teléfono móvil",
        "Ganas de salir a mirar la luz a distintas horas del día",
    ),
    glyph=Glyph.aperture,
    sections=(
        DemoSection(
            "Entender la luz",
            (
                DemoLesson(
                    "Luz dura y luz suave",
                    preview=True,
                    body=_md(
                        """
                        Antes que el color o la dirección, fíjate en la **calidad** de la luz:
                        ¿es dura o suave? La respuesta está en las sombras.

                        La **luz dura** produce sombras de borde nítido. Viene de una fuente
                        pequeña *en relación con el sujeto*: el sol de mediodía en un cielo
                        despejado, una bombilla desnuda, un flash sin difusor. Da contraste,
                        textura y dramatismo, pero marca arrugas y ojeras en un retrato.

                        La **luz suave** produce sombras de borde difuso, con una transición
                        gradual entre luz y sombra. Viene de una fuente grande en relación
                        con el sujeto: un cielo nublado, una ventana amplia, la luz que rebota
                        en una pared blanca. Favorece la piel y calma la escena.

                        La regla práctica es sencilla: **cuanto más grande y más cerca está la
                        fuente, más suave es la luz.** Por eso el sol, que es enorme pero está
                        lejísimos, da luz dura, y un día nublado convierte todo el cielo en
                        una fuente gigante y suave.

                        **Ejercicio.** Pon una taza junto a una ventana y haz tres fotos: con
                        el sol entrando directamente, con una cortina fina delante y con la
                        ventana a tu espalda. Compara los bordes de las sombras. En diez
                        minutos habrás visto lo que explica esta lección.
                        """
                    ),
                ),
                DemoLesson(
                    "La hora dorada y la hora azul",
                    body=_md(
                        """
                        El mismo lugar cambia por completo según la hora. Dos momentos del día
                        son especialmente generosos.

                        La **hora dorada** es el rato poco después del amanecer y poco antes de
                        la puesta de sol, cuando el sol está bajo en el horizonte. Su luz
                        atraviesa más atmósfera, así que llega más cálida y más suave, y
                        entra de lado: las sombras se alargan y cualquier textura (una pared,
                        un campo, un rostro) gana relieve. Su duración real depende de la
                        estación y de la latitud; cerca del ecuador es mucho más corta.

                        La **hora azul** llega justo después de la puesta de sol (o antes del
                        amanecer), cuando el sol ya no se ve pero el cielo sigue iluminado.
                        La luz es muy suave y fría, y es el mejor momento para fotografiar
                        ciudades: el cielo aún tiene color y las luces artificiales ya están
                        encendidas, con lo que se equilibran. Dura poco, a menudo entre veinte
                        y cuarenta minutos, y necesitarás apoyar la cámara o subir la
                        sensibilidad.

                        **Planifica.** Consulta la hora de la puesta de sol y llega antes para
                        elegir el encuadre con calma. Hay aplicaciones que muestran la
                        dirección exacta del sol en cada momento y en cada lugar.

                        **Ejercicio.** Fotografía la misma esquina de tu barrio a mediodía,
                        en la hora dorada y en la hora azul. Guarda las tres juntas.
                        """
                    ),
                ),
                DemoLesson(
                    "Dirección: frontal, lateral y contraluz",
                    body=_md(
                        """
                        Una vez sabes si la luz es dura o suave, pregúntate de dónde viene. La
                        dirección decide qué se ve y qué se esconde.

                        **Luz frontal.** Viene de detrás de ti y da de lleno en el sujeto. Lo
                        muestra todo con claridad y apenas deja sombras, por eso resulta
                        plana: el volumen desaparece. Es útil para documentar, pero rara vez
                        emociona.

                        **Luz lateral.** Llega de un lado, más o menos a 90 grados. Una mitad
                        del sujeto queda iluminada y la otra en sombra, y aparecen el volumen
                        y la textura. Es la luz del retrato dramático, de la piedra antigua y
                        del pan recién hecho. Si el contraste es excesivo, suaviza la sombra
                        con un reflector.

                        **Contraluz.** La fuente está detrás del sujeto, frente a la cámara.
                        Dibuja un borde brillante alrededor del pelo o de las hojas y puede
                        crear siluetas. Tienes dos opciones: exponer para el cielo y
                        convertir al sujeto en silueta, o exponer para el sujeto y dejar que
                        el fondo se queme un poco. Cuidado con los destellos: una mano o un
                        parasol sobre el objetivo ayuda.

                        Entre estas tres hay infinitos matices. Lo importante es que **puedes
                        cambiar la dirección moviéndote**: rodea al sujeto, o gíralo, y
                        observa cómo cambia la luz en su cara.
                        """
                    ),
                ),
            ),
        ),
        DemoSection(
            "En la práctica",
            (
                DemoLesson(
                    "Retratos junto a una ventana",
                    body=_md(
                        """
                        Una ventana sin sol directo es, probablemente, la mejor luz de retrato
                        que tienes en casa. Es grande, suave y gratuita.

                        **Coloca a la persona** cerca de la ventana, a un metro o menos, y
                        gírala unos 45 grados respecto a ella. La luz modelará el rostro: un
                        lado más iluminado y el otro en una sombra suave. Cuanto más cerca
                        esté de la ventana, más suave será la luz y más rápido caerá hacia la
                        sombra.

                        **Ponte tú** con la espalda hacia la pared, de modo que la ventana
                        quede a un lado del encuadre y no detrás de ti. Si la ventana queda a
                        tu espalda, la luz será frontal y plana.

                        **Rellena la sombra** si es demasiado profunda. Una cartulina blanca,
                        una sábana o un reflector plegable, colocados al otro lado de la
                        persona, devuelven parte de la luz. Acércalo para aclarar la sombra,
                        aléjalo para conservar dramatismo.

                        **Busca el brillo en los ojos.** Pide a la persona que mire
                        ligeramente hacia la ventana: aparecerá un pequeño reflejo en las
                        pupilas que da vida a la mirada.

                        **Apaga las luces del techo** para no mezclar la luz fría del día con
                        la cálida de las bombillas. Y enfoca siempre en el ojo más cercano a
                        la cámara.
                        """
                    ),
                ),
                DemoLesson(
                    "Medir la exposición sin miedo",
                    body=_md(
                        """
                        Exponer es decidir cuánta luz llega al sensor. Tres controles la
                        regulan, y cada uno tiene un efecto secundario:

                        - La **apertura** del diafragma (f/2, f/8…): cuanto más abierta
                          (número menor), más luz y menos profundidad de campo.
                        - La **velocidad de obturación** (1/1000, 1/30…): cuanto más lenta,
                          más luz y más riesgo de que el movimiento salga trepidado.
                        - La **sensibilidad ISO**: cuanto más alta, más luz aprovechada y más
                          ruido en la imagen.

                        La cámara mide la escena e intenta dejarla en un gris medio. Por eso
                        se equivoca con escenas muy claras (la nieve sale gris) o muy oscuras
                        (un fondo negro sale gris y lavado). La **compensación de
                        exposición** (el botón +/−) te permite corregirla: + para la nieve,
                        − para el fondo negro.

                        Para saber si acertaste, no te fíes de la pantalla, que cambia según
                        el brillo del entorno. Mira el **histograma**: muestra cuántos
                        píxeles hay de cada tono, de negro (izquierda) a blanco (derecha). Si
                        la gráfica se amontona contra el borde derecho, has perdido detalle en
                        las luces; si se pega al izquierdo, en las sombras.

                        Con luz natural y contraste alto, una buena costumbre es **proteger las
                        luces**: es más fácil recuperar algo de una sombra oscura que de un
                        cielo completamente blanco.
                        """
                    ),
                ),
                DemoLesson(
                    "Días nublados y sombra abierta",
                    body=_md(
                        """
                        Un día nublado no es un día perdido. Las nubes convierten el cielo
                        entero en un difusor enorme y la luz se vuelve suave y uniforme: ideal
                        para retratos, flores, comida y cualquier cosa con colores delicados.

                        Tiene dos inconvenientes que conviene conocer:

                        - **Poco contraste.** La escena puede parecer apagada. Busca un
                          elemento con color o una zona más clara que atraiga la mirada, y
                          evita incluir mucho cielo blanco y sin detalle en el encuadre.
                        - **Luz desde arriba.** Con la luz cayendo en vertical, los ojos
                          pueden quedar hundidos en sombra. Coloca a la persona bajo un
                          alero, un árbol o un portal: la luz llegará más de lado y los ojos
                          se iluminarán.

                        Esa última idea tiene nombre: **sombra abierta**. Es la zona en sombra
                        que recibe luz de una gran parte del cielo, como el lado de un
                        edificio que no da al sol o la entrada de un portal. En un día
                        soleado, la sombra abierta te regala luz suave en mitad de la luz más
                        dura. Coloca a tu modelo justo en el borde de la sombra, mirando
                        hacia la zona iluminada.

                        Un detalle técnico: la luz de la sombra es más azulada. Si la piel
                        sale fría, ajusta el balance de blancos al preajuste *sombra* o
                        *nublado*, o corrígelo después si disparas en RAW.
                        """
                    ),
                ),
            ),
        ),
    ),
)

# --- Marketing ------------------------------------------------------------------------------

NEWSLETTERS = DemoCourse(
    title="Email Newsletters People Actually Read",
    subtitle="Grow a list with consent, write emails worth opening and measure what matters",
    description=_md(
        """
        Social platforms change their rules every year; an email list is an audience you
        can reach on your own terms. But only if people *want* your emails: a list of
        unwilling subscribers hurts your reputation with mail providers and sends you
        straight to the spam folder.

        This course covers the whole cycle for creators, teachers and small businesses:
        sign-up forms that earn trust, subject lines that are clear rather than clever, a
        welcome sequence that introduces you properly, and the numbers worth watching now
        that open rates have become unreliable.

        It is tool-agnostic: everything applies whichever newsletter service you use.
        """
    ),
    topic="marketing",
    level=CourseLevel.intermediate,
    price_amount=2900,
    currency="EUR",
    tags=("email marketing", "newsletter", "copywriting", "deliverability", "audience"),
    outcomes=(
        "Build sign-up forms that set clear expectations and collect real consent",
        "Write subject lines and preview text that tell readers why to open",
        "Plan a three-email welcome sequence",
        "Read click, reply and unsubscribe rates instead of open rates",
        "Keep a list healthy so your emails reach the inbox",
    ),
    requirements=(
        "An account with any newsletter service, or willingness to open a free one",
        "Something you want to tell people about regularly",
    ),
    glyph=Glyph.envelope,
    sections=(
        DemoSection(
            "The list",
            (
                DemoLesson(
                    "Why email still works",
                    preview=True,
                    body=_md(
                        """
                        Every few years someone announces the death of email, and every year
                        more of it is sent. For anyone building an audience, it keeps three
                        advantages no platform can match.

                        **You own the relationship.** Followers on a social network belong to
                        the network: a change to its feed can halve your reach overnight. An
                        email list is a list of people who asked to hear from you, and you can
                        move it to another service whenever you like.

                        **There is no algorithm between you and the reader.** If your email is
                        delivered, it sits in the inbox until the person decides what to do
                        with it. Nothing ranks it against a thousand other posts.

                        **People read email with intent.** An inbox is a place for things that
                        matter to the reader: receipts, messages from friends, work. A
                        newsletter that earns a place there gets real attention.

                        All of this depends on one thing: **consent**. People must have asked
                        for your emails and must be able to stop them easily. That's the law
                        in many countries, but it's also practical. Mail providers watch how
                        readers react. When many people ignore, delete or mark your messages
                        as spam, your future emails are filtered, including the ones sent to
                        people who do want them.

                        So this course never talks about "getting emails". It talks about
                        earning readers, which is slower at first and far more valuable
                        later.
                        """
                    ),
                ),
                DemoLesson(
                    "Sign-up forms that respect people",
                    body=_md(
                        """
                        A good sign-up form answers the reader's question, "what am I signing
                        up for?", before they ask it.

                        **Say what and how often.** "A short email every Sunday with one
                        filmmaking tip and one film worth watching" converts better than
                        "Subscribe to our newsletter", and it attracts people who will stay.

                        **Ask for as little as possible.** An email address is enough to
                        start. A first name is nice for greetings; every extra field loses
                        sign-ups.

                        **Use double opt-in.** After signing up, the person receives an email
                        with a link to confirm. It keeps typos and fake addresses off your
                        list, proves consent if anyone asks, and makes sure your very first
                        email is one they are expecting. Tell them on the thank-you page to
                        check their inbox (and their spam folder).

                        **Be honest about incentives.** Offering a checklist or a free
                        lesson in exchange for an address is fine, as long as the form says
                        that the newsletter comes with it. People who wanted only the
                        freebie will leave anyway, and some will mark you as spam on the way
                        out.

                        **Mind the rules where your readers live.** In the European Union,
                        for example, consent must be freely given and specific, so no
                        pre-ticked boxes and no hiding the subscription in the terms. Link to
                        your privacy notice next to the button. (This is general guidance,
                        not legal advice.)
                        """
                    ),
                ),
            ),
        ),
        DemoSection(
            "The letter",
            (
                DemoLesson(
                    "Subject lines: clear beats clever",
                    body=_md(
                        """
                        The subject line has one job: to tell the reader what's inside, so
                        that the right people open it. In a crowded inbox, clarity wins.

                        Compare:

                        - *"You won't believe this…"*: vague, and it sounds like spam.
                        - *"Issue 42"*: honest, but gives no reason to open today.
                        - *"Three free apps for recording better audio on your phone"*: the
                          reader knows exactly what they will get.

                        A few habits that help:

                        - **Front-load the important words.** Phones may show only the first
                          30 to 40 characters. Put the topic first.
                        - **Use the preview text.** Most mail apps show a line after the
                          subject. If you don't set it, they show the first text of your
                          email, often "View in browser". Write it as a second subject line
                          that adds detail.
                        - **Keep your name recognisable.** The sender name is read before the
                          subject. Use a person's name or a consistent brand, and don't
                          change it every week.
                        - **Avoid tricks.** Fake "Re:" or "Fwd:", all capitals and a row of
                          exclamation marks erode trust and can trigger spam filters.

                        When you're unsure, write three subject lines and pick the one you'd
                        open yourself. If your service supports A/B tests, test the two best
                        on a slice of the list, and judge them by clicks rather than opens.
                        """
                    ),
                ),
                DemoLesson(
                    "One email, one job",
                    body=_md(
                        """
                        The most common reason newsletters are ignored is that they try to do
                        everything: news, three offers, a survey, a podcast, a sale. Readers
                        skim, see no single reason to act, and close the email.

                        Before writing, finish this sentence: **"After reading this, I want
                        the reader to…"** watch the new lesson, reply with their question,
                        register for the workshop. That's the email's one job. Everything
                        else supports it or moves to another week.

                        A simple structure that works for most issues:

                        1. **A hook**: one or two sentences about the reader's problem or
                           something that happened.
                        2. **The value**: the tip, the story, the lesson. Make it useful even
                           for someone who never clicks.
                        3. **One call to action**: a clear link or button saying what happens
                           next ("Watch the 6-minute lesson"). You may repeat it once, but
                           it's the same action.
                        4. **A human sign-off**: your name, and an invitation to reply.

                        **Write like a letter to one person.** Use "you", keep paragraphs
                        short (they're read on phones), and cut anything you'd skip yourself.

                        **Invite replies.** A question at the end ("What's your biggest
                        problem with audio? Just hit reply") builds a relationship, teaches
                        you what to write next, and replies are a positive signal to mail
                        providers.
                        """
                    ),
                ),
                DemoLesson(
                    "Writing a welcome sequence",
                    body=_md(
                        """
                        The moment someone subscribes is the moment they're most interested in
                        you. A **welcome sequence** (a few emails sent automatically after
                        sign-up) uses that moment instead of making new readers wait for the
                        next regular issue.

                        Three emails are enough to start:

                        **Email 1, immediately: "Here's what you signed up for."** Deliver
                        anything you promised, tell them what to expect and how often, and
                        ask one easy question they can answer by replying ("What are you
                        working on?"). Replies also help your later emails reach the inbox.

                        **Email 2, two days later: your best work.** Link to the two or three
                        pieces that new readers love most: your most useful tutorial, your
                        most-read story. Don't make them dig through an archive.

                        **Email 3, four or five days later: who you are and what you offer.**
                        A short story about why you do this, and, if you sell something, a
                        clear and low-pressure mention of it. People who stay to the third
                        email are your most engaged readers.

                        Then the subscriber joins the regular newsletter.

                        Write the sequence once and review it every few months: links break,
                        offers change, and your "best work" keeps improving. Watch the
                        unsubscribe rate of each email; if one email loses far more readers
                        than the others, rewrite that one first.
                        """
                    ),
                ),
            ),
        ),
        DemoSection(
            "Measuring",
            (
                DemoLesson(
                    "Opens lie, clicks talk",
                    body=_md(
                        """
                        For years the open rate was the headline number of every newsletter.
                        It was always approximate: an "open" is recorded when the email loads
                        a tiny invisible image, so readers who block images were never
                        counted.

                        Then, in 2021, Apple introduced Mail Privacy Protection. When it's
                        turned on, Apple's servers load the images of every email in advance,
                        whether the person reads it or not. Those emails all count as opened.
                        Since a large share of readers use Apple Mail, open rates went up
                        overnight without anyone reading more. Other privacy features have
                        followed the same direction.

                        Treat opens as a rough trend at best, and look at signals that
                        require a human decision:

                        - **Click rate**: the share of recipients who clicked a link. It tells
                          you whether the email's one job got done.
                        - **Replies**: the best sign of a relationship. Count them, even by
                          hand.
                        - **Unsubscribes**: a few after every email are normal and healthy. A
                          sudden jump points to a specific email or change.
                        - **Spam complaints**: should be close to zero. Mail providers take
                          them very seriously, and so should you.

                        Compare each email with your own average rather than with industry
                        benchmarks, which mix very different lists. Then ask what the best
                        emails had in common.
                        """
                    ),
                ),
                DemoLesson(
                    "Keeping your list healthy",
                    body=_md(
                        """
                        A big list is not the goal. A list of people who read is. Keeping it
                        healthy protects your **deliverability**: whether your emails land in
                        the inbox at all.

                        **Let bounces go.** Addresses that bounce permanently (the mailbox
                        doesn't exist) must be removed; most services do this automatically.
                        Repeatedly sending to dead addresses is a classic spammer signal.

                        **Re-engage, then remove.** Every few months, find subscribers who
                        haven't clicked anything for a long time, say six months. Send them
                        a short, honest email: "Still want these? Click here to stay." Remove
                        the ones who don't respond. Your list shrinks, and your click rate,
                        reputation and costs all improve.

                        **Make leaving easy.** Put a visible unsubscribe link in every email.
                        Someone who can't find it will press "report spam" instead, which
                        hurts you far more. Gmail and Yahoo now require bulk senders to offer
                        one-click unsubscribing, to authenticate their mail with SPF, DKIM and
                        DMARC, and to keep spam complaints low. Your newsletter service's
                        documentation explains how to set up authentication for your domain.

                        **Never buy or borrow lists.** People who didn't ask for your emails
                        will complain, and a few complaints can undo years of good reputation.

                        A smaller list of readers who look forward to your emails is worth
                        more than any number of addresses.
                        """
                    ),
                ),
            ),
        ),
    ),
)

# --- Productivity ---------------------------------------------------------------------------

WEEKLY_PLANNING = DemoCourse(
    title="Weekly Planning That Sticks",
    subtitle="A thirty-minute weekly habit to decide what matters and protect time for it",
    description=_md(
        """
        Most to-do lists fail for the same reason: they record everything and decide
        nothing. This short, free course teaches one habit, the **weekly review**, that turns
        a pile of tasks into a plan you can actually keep.

        In about an hour of lessons you will learn to empty your head onto a single list,
        pick the three outcomes that would make the week a success, block time for them in
        your calendar, and recover gracefully when the week goes sideways, because it will.

        Paper, a notes app or a full task manager: the method works with whatever you
        already use.
        """
    ),
    topic="productivity",
    level=CourseLevel.all_levels,
    owner=Person.admin,
    tags=("productivity", "planning", "time blocking", "habits", "weekly review"),
    outcomes=(
        "Run a weekly review in thirty minutes",
        "Capture every open loop in one trusted place",
        "Choose three outcomes that define a good week",
        "Time-block your calendar with realistic slack",
        "Replan mid-week without giving up on the plan",
    ),
    requirements=("A calendar and a place to keep a list, on paper or on screen",),
    glyph=Glyph.calendar,
    sections=(
        DemoSection(
            "The weekly review",
            (
                DemoLesson(
                    "Thirty minutes that save the week",
                    preview=True,
                    body=_md(
                        """
                        A weekly review is a short meeting with yourself, at the same time
                        every week, to look back and decide what comes next. It's the habit
                        that makes every other productivity technique work, because it's when
                        you notice that the system drifted and put it right.

                        **When.** Friday afternoon or Sunday evening are the most common
                        choices. Friday closes the work week while details are fresh; Sunday
                        lets you start Monday with a plan. Put it in your calendar as a
                        recurring appointment, as seriously as a meeting with someone else.

                        **Where.** Somewhere you won't be interrupted, with your calendar,
                        your task list and any notebooks or inboxes where things collect.

                        **What.** Three steps, about ten minutes each:

                        1. **Look back.** Scan last week's calendar and list. What got done?
                           What didn't, and why? Anything to follow up on?
                        2. **Empty your head.** Write down everything that's on your mind
                           (next lesson).
                        3. **Look ahead.** Check next week's calendar, choose what matters
                           most, and give it time (the lessons after).

                        The first reviews will take longer than thirty minutes, because there
                        is a backlog to clear. By the third or fourth week, most people get
                        it down to half an hour. Keep the time fixed, keep it short, and
                        don't skip it when the week was chaotic: that's when you need it
                        most.
                        """
                    ),
                ),
                DemoLesson(
                    "Emptying your head: the capture list",
                    body=_md(
                        """
                        Your mind is good at having ideas and bad at remembering them at the
                        right moment. Every unfinished commitment you try to hold in your
                        head ("reply to Marta", "book the dentist", "the report's intro is
                        weak") keeps tugging at your attention. Writing it down lets go of
                        that tug.

                        **Capture everything, judge later.** During the review, set a timer
                        for ten minutes and write down every task, worry, idea and promise
                        that comes to mind, big or small. Don't organise yet. Prompts help:
                        work projects, home, money, health, people you owe a reply, things
                        you're waiting for from others.

                        **One inbox, or as few as possible.** During the week, capture new
                        things the moment they appear, into one place you always have with
                        you: a notes app, a pocket notebook, a task manager's inbox. The
                        fewer places things can hide, the more you'll trust the system.

                        **Then process, item by item.** For each captured item, decide:

                        - Is it actionable? If not, delete it, or file it as reference or as
                          "someday".
                        - Will it take less than two minutes? Do it now.
                        - Otherwise, write the **next physical action** ("email Marta the
                          draft", not "Marta") and put it on your task list, or in the
                          calendar if it must happen on a given day.

                        An empty inbox at the end of the review is the goal. An empty head
                        is the reward.
                        """
                    ),
                ),
                DemoLesson(
                    "Choosing three outcomes",
                    body=_md(
                        """
                        After capturing, your list will be long. The mistake is to plan the
                        week around the list. Plan it around **outcomes** instead.

                        Ask: *"If I achieve only three things this week, which three would
                        make it a good week?"* Write them at the top of the page. An outcome
                        is a result, not an activity: "proposal sent to the client" rather
                        than "work on the proposal", "kitchen shelf fixed" rather than "DIY".

                        Good outcomes are:

                        - **Important**, not just urgent. Urgent things will shout for your
                          attention anyway; important ones need protection.
                        - **Finishable this week.** Break big projects into a weekly
                          milestone you can actually reach.
                        - **Yours.** If it depends mostly on someone else, your outcome is
                          your part of it ("questions sent to the designer").

                        Why three? Because it is few enough to remember without looking and
                        realistic alongside the meetings, emails and interruptions that fill
                        the rest of any week. If you finish all three by Wednesday, wonderful:
                        pick a fourth.

                        Everything else on the list is still there and still gets done in
                        the gaps, but it no longer decides whether the week was a success.
                        You'll notice how much calmer "I did my three" feels than "I did 23
                        of 61 tasks".
                        """
                    ),
                ),
            ),
        ),
        DemoSection(
            "Making it real",
            (
                DemoLesson(
                    "Time blocking with slack",
                    body=_md(
                        """
                        An outcome without time reserved for it is a wish. **Time blocking**
                        means giving your most important work an appointment in the calendar,
                        just like a meeting.

                        During the review, for each of the three outcomes:

                        1. Estimate the hours it needs, then add half again. Everyone
                           underestimates.
                        2. Find blocks of at least 60 to 90 minutes, ideally at the time of
                           day when you think best. For many people that's the morning.
                        3. Put them in the calendar with a name that says what you'll do:
                           "Draft proposal sections 1–3", not "Focus time".

                        Then **leave slack**. A calendar filled to the minute breaks at the
                        first surprise, and surprises come every day. Keep roughly a third of
                        your working time unplanned: it absorbs the late meeting, the urgent
                        request and the task that took twice as long. If nothing goes wrong,
                        that time goes to the rest of your list.

                        Protect the blocks as you would a meeting with someone else. Close
                        email and chat, silence the phone, and if someone asks for that slot,
                        offer another time. It's a real appointment, with your most important
                        work.

                        Also block the small things together: one afternoon slot for errands
                        and admin beats scattering them across the week.
                        """
                    ),
                ),
                DemoLesson(
                    "When the week falls apart",
                    body=_md(
                        """
                        Some weeks the plan survives until Tuesday morning. A child is ill, a
                        client has an emergency, the server goes down. The most important
                        planning skill is not making the perfect plan; it's **replanning
                        without giving up**.

                        **Do a two-minute mid-week check.** On Wednesday, look at your three
                        outcomes and the calendar. Still realistic? If not, decide now, not on
                        Friday evening.

                        **Shrink instead of skipping.** If "proposal sent" is out of reach,
                        what smaller version is possible? "Outline agreed with the client"
                        still moves things forward. A smaller win keeps the habit and the
                        momentum.

                        **Move blocks, don't delete them.** When a focus block is taken by
                        something urgent, immediately find it a new place in the week. A
                        deleted block rarely comes back.

                        **Say no, or not now.** Every new request competes with your three
                        outcomes. "I can do it next Tuesday" is a complete answer more often
                        than people think.

                        **Learn, don't judge.** In the next review, ask what happened without
                        blame. Was the estimate too optimistic? Was there no slack? Did
                        meetings creep in? Adjust one thing for the coming week.

                        Plans are guesses about the future. The weekly review is how you make
                        better guesses, one week at a time.
                        """
                    ),
                ),
            ),
        ),
    ),
)

# --- In the studio: not (yet) in the catalog -------------------------------------------------

DIALOGUE_AUDIO = DemoCourse(
    title="Recording Clean Dialogue for Video",
    subtitle="Microphones, placement and levels for voices that sound close and clear",
    description=_md(
        """
        Viewers will forgive a soft picture but not a voice they can't understand. This
        course is about getting dialogue right *on set*, where it's cheap, instead of
        trying to rescue it in the edit, where it's expensive and often impossible.

        We compare the three kinds of microphone you're likely to own, place them for
        interviews and scenes, set recording levels that leave room for surprises, and
        finish with a gentle clean-up that removes noise without making voices sound
        underwater.
        """
    ),
    topic="video-production",
    level=CourseLevel.intermediate,
    price_amount=3400,
    currency="USD",
    stage=Stage.in_review,
    tags=("audio", "dialogue", "microphones", "sound recording", "interviews"),
    outcomes=(
        "Choose between a lavalier, a shotgun and a USB microphone for a shoot",
        "Place microphones for interviews and moving scenes",
        "Set levels that never clip and stay clear of the noise floor",
        "Reduce background noise without damaging the voice",
    ),
    requirements=(
        "A camera or recorder with a microphone input",
        "Headphones (closed-back if possible)",
    ),
    glyph=Glyph.waveform,
    sections=(
        DemoSection(
            "Microphones",
            (
                DemoLesson(
                    "Lavalier, shotgun or USB: choosing a microphone",
                    preview=True,
                    body=_md(
                        """
                        Most video sound is recorded with one of three kinds of microphone.
                        None is best; each suits a situation.

                        **Lavalier (clip-on).** A tiny microphone worn on the chest, close to
                        the mouth. Because it's so close, the voice is loud compared with the
                        room, so it handles echoing spaces and moderate noise well. It's the
                        default for interviews, presenters and anyone who moves around. Its
                        weaknesses are clothing rustle and a slightly "chesty" sound.

                        **Shotgun.** A long microphone that hears best in the direction it
                        points and less from the sides. Mounted on a boom pole just out of
                        frame above the speaker, it gives the most natural dialogue sound in
                        films. On top of a camera, two or three metres away, it's much less
                        effective: it still hears the room, just a little less of it.

                        **USB or studio microphones.** Made for a desk: podcasts, voice-overs,
                        screen recordings. They sound rich up close and are easy to use with
                        a computer, but they're not designed for a camera or for being hidden.

                        A practical kit for most small productions is a pair of lavaliers
                        for people on camera and a shotgun on a boom as a second source. And
                        whichever you use, the rule from every lesson in this course applies:
                        get the microphone close.
                        """
                    ),
                ),
                DemoLesson(
                    "Placing the microphone",
                    body=_md(
                        """
                        Where the microphone sits matters more than which microphone you
                        bought.

                        **Lavaliers.** Clip the microphone on the centre of the chest, about
                        a hand's width below the chin, pointing up towards the mouth. If the
                        person will turn their head mostly one way (towards an interviewer),
                        place it slightly on that side. To hide it, tuck it under a layer of
                        clothing with a small piece of tape or a purpose-made mount that holds
                        the fabric away from the capsule: rubbing fabric causes the rustle
                        that ruins takes. Loop the cable once under the clip so tugs don't
                        reach the microphone.

                        **Shotguns on a boom.** Point the microphone at the mouth from above
                        and in front, angled down at the chest, as close as the frame allows.
                        Ask the camera operator for the frame line and stay just outside it.
                        Watch the light, too: a boom can cast a shadow across a face or a
                        wall.

                        **Indoors, treat the room.** A shotgun indoors hears reflections from
                        hard surfaces. Blankets, cushions and coats around the set, out of
                        frame, make a noticeable difference.

                        **Outdoors, stop the wind.** Always use the foam or furry windscreen.
                        Wind noise is almost impossible to remove later.

                        Then record a test, listen on headphones, and move the microphone
                        before you change any setting.
                        """
                    ),
                ),
            ),
        ),
        DemoSection(
            "Recording and fixing",
            (
                DemoLesson(
                    "Setting levels without clipping",
                    body=_md(
                        """
                        Digital audio has a hard ceiling: **0 dBFS**. Any sound louder than
                        that is *clipped*, flattened into harsh distortion that can't be
                        undone. Recording too quietly has the opposite problem: when you
                        raise the level later, you raise the hiss with it.

                        For dialogue, a safe target is **normal speech peaking around −12
                        dBFS**, with laughter and shouting still below about −6. That leaves
                        headroom for the unexpected while keeping the voice well above the
                        noise of the recorder.

                        How to set it:

                        1. Turn off automatic gain control if your camera or recorder allows
                           it; it pumps background noise up between sentences.
                        2. Ask the person to speak as they will in the take, ideally the
                           loudest part, not "testing, one, two".
                        3. Adjust the input gain until peaks land near −12.
                        4. Listen on headphones for hum, rustle or distortion.

                        Many recorders offer a **safety track**: a second copy recorded a few
                        decibels quieter, to use if the main track clips. Some record in
                        **32-bit float**, which makes clipping inside the recorder nearly
                        impossible, although the microphone and its preamplifier can still
                        distort if the sound is extremely loud.

                        Finally, note levels and settings on a card. When you come back after
                        lunch, you'll want to reproduce them exactly.
                        """
                    ),
                ),
                DemoLesson(
                    "Cleaning up noise, gently",
                    body=_md(
                        """
                        Even good recordings carry some noise: air conditioning, a distant
                        road, the recorder's own hiss. Modern noise reduction can remove a
                        lot of it, and it can also ruin a voice if pushed too far.

                        **Start with an EQ.** A high-pass filter removes rumble below the
                        voice. Around 80 Hz is a safe start for most voices; a bit higher for
                        many. This alone often cleans up traffic and handling noise.

                        **Then noise reduction, from a sample.** Most tools learn the noise
                        from a section with no speech: this is where the room tone you
                        recorded pays off. Let the tool learn from it, then apply a modest
                        reduction. Listen in context, not solo.

                        **Listen for artefacts.** Too much reduction makes voices sound
                        metallic, watery or "underwater", and makes the background swell and
                        disappear between words. Back off until the voice sounds natural; a
                        little remaining noise is far less noticeable than a damaged voice.

                        **Keep the background consistent.** Viewers accept steady noise but
                        notice when it jumps at every cut. Apply the same treatment to every
                        clip from the same setup, and lay room tone under gaps.

                        **Finish with levels.** Bring the cleaned dialogue to a consistent
                        loudness across the whole film, then add music and effects beneath it.
                        """
                    ),
                ),
            ),
        ),
    ),
)

THUMBNAILS = DemoCourse(
    title="YouTube Thumbnails That Get Clicked",
    subtitle="Design small pictures that make the right viewers stop scrolling",
    description=_md(
        """
        Your thumbnail is the first thing a viewer sees, often before your title. This
        short course shows you the design principles behind thumbnails that work at the
        size of a postage stamp, and how to test them.

        Follow the method and your click-through rate is **guaranteed to double** within a
        month.
        """
    ),
    topic="marketing",
    level=CourseLevel.beginner,
    price_amount=1500,
    currency="USD",
    stage=Stage.rejected,
    review_reason=(
        "Thanks, Ines: the first two lessons are clear and useful. Two things before this "
        "can go live: the lesson “Testing two thumbnails” is still empty, and the "
        "description promises a “guaranteed” doubling of click-through rate, which no course "
        "can promise. Please finish the lesson, rephrase the claim and submit again."
    ),
    tags=("youtube", "thumbnails", "graphic design", "click-through rate"),
    outcomes=(
        "Design thumbnails that read at small sizes",
        "Use faces, contrast and short text deliberately",
        "Test two thumbnails against each other",
    ),
    requirements=("Any image editor, even a free one in the browser",),
    glyph=Glyph.picture,
    sections=(
        DemoSection(
            "Design",
            (
                DemoLesson(
                    "What a thumbnail has to do",
                    preview=True,
                    body=_md(
                        """
                        A thumbnail isn't a poster; it's a promise, read in a fraction of a
                        second, at roughly the size of a fingernail on a phone. In that
                        moment it has to answer one question for the viewer: *is this video
                        for me?*

                        That means three jobs, in this order:

                        1. **Be readable small.** Design at full size (1280×720 is the usual
                           recommendation), but judge it at the size people will see it.
                           Shrink your preview to a few centimetres wide. If you can't tell
                           what it shows, neither can a viewer.
                        2. **Show the payoff.** The best thumbnails show the result, the
                           moment or the emotion the video delivers: the finished room, the
                           surprised face, the before-and-after.
                        3. **Work with the title, not repeat it.** The title sits right
                           next to the thumbnail. If both say the same words, you've wasted
                           one of them. Let the picture show and the title tell.

                        And a fourth job, which isn't optional: **be honest**. A thumbnail
                        that promises something the video doesn't deliver may win a click,
                        then loses the viewer within seconds, and platforms notice when
                        people leave early.
                        """
                    ),
                ),
                DemoLesson(
                    "Faces, contrast and three words",
                    body=_md(
                        """
                        Three tools do most of the work in a thumbnail.

                        **Faces.** People notice faces before anything else, and read
                        emotion from them instantly. A clear, well-lit face showing a real
                        reaction (curiosity, surprise, concentration) draws the eye. Crop
                        close: at thumbnail size, a face that fills a third of the frame is
                        still small. Not every video needs one; for a recipe, the dish may be
                        the face.

                        **Contrast.** The thumbnail competes with dozens of others on a busy
                        page. Separate the subject from the background with contrast in
                        brightness and colour: a bright subject on a darker, simpler
                        background, or a cut-out with an outline. Blur or simplify
                        backgrounds; detail turns to noise when shrunk.

                        **Three words, at most.** Text is optional. When used, keep it to
                        three or four large, bold words that add something the title doesn't
                        say ("Was it worth it?" rather than the video's full title). Check
                        that it doesn't sit in the bottom-right corner, where the video's
                        duration is displayed.

                        Finally, be consistent: a recognisable style (colours, layout, type)
                        across your videos helps returning viewers spot your work in a list.
                        """
                    ),
                ),
            ),
        ),
        DemoSection(
            "Testing",
            (DemoLesson("Testing two thumbnails"),),
        ),
    ),
)

VITEST = DemoCourse(
    title="Testing JavaScript with Vitest",
    subtitle="Fast, readable tests for front-end and Node.js code",
    description=_md(
        """
        Tests you actually want to run: quick to write, fast to execute and easy to read
        when they fail. This course introduces Vitest from the first test to mocks.

        (Draft: sections on mocking and on testing components are still to come.)
        """
    ),
    topic="web-development",
    level=CourseLevel.intermediate,
    stage=Stage.draft,
    has_cover=False,
    tags=("javascript", "testing", "vitest"),
    outcomes=(
        "Write and run unit tests with Vitest",
        "Structure tests so that failures explain themselves",
    ),
    requirements=("You write JavaScript or TypeScript and use npm",),
    glyph=Glyph.code,
    sections=(
        DemoSection(
            "Getting started",
            (
                DemoLesson(
                    "Why write tests at all?",
                    preview=True,
                    body=_md(
                        """
                        A test is a small program that checks that another program does
                        what you meant. Written once, it runs thousands of times, every time
                        you change something, and tells you within seconds whether you broke
                        what used to work.

                        That changes how you work more than it sounds. Without tests, every
                        change carries a small fear: *did I break the checkout?* So changes
                        get postponed, and code nobody dares to touch slowly rots. With good
                        tests, you can rename, restructure and upgrade with confidence,
                        because the tests will complain if behaviour changes.

                        Tests are also documentation that can't go out of date. A test named
                        "rounds prices to two decimals for EUR" explains a rule better than a
                        comment, and it fails loudly if someone changes the rule.

                        What tests don't do is prove your code correct. They check the cases
                        you thought of. That's why the most valuable tests describe
                        *behaviour* (what goes in, what comes out) rather than how the code
                        is built inside: they survive refactoring and catch the mistakes that
                        matter to users.

                        In this course we'll use Vitest, a test runner that works with the
                        same configuration as the Vite build tool and runs tests in parallel
                        and in watch mode, so feedback arrives while you're still thinking
                        about the change.
                        """
                    ),
                ),
                DemoLesson(
                    "Your first test",
                    body=_md(
                        """
                        Install Vitest as a development dependency of your project:

                        ```
                        npm install --save-dev vitest
                        ```

                        Suppose `price.js` exports a function that formats cents as money:

                        ```js
                        export function formatPrice(cents, currency) {
                          return new Intl.NumberFormat("en", { style: "currency", currency })
                            .format(cents / 100);
                        }
                        ```

                        Create `price.test.js` next to it. Vitest finds files ending in
                        `.test.js` or `.spec.js` (and their TypeScript versions):

                        ```js
                        import { describe, expect, test } from "vitest";
                        import { formatPrice } from "./price.js";

                        describe("formatPrice", () => {
                          test("shows two decimals", () => {
                            expect(formatPrice(1999, "USD")).toBe("$19.99");
                          });
                        });
                        ```

                        Run `npx vitest`. It runs the tests and keeps watching: save a file
                        and the affected tests run again. In continuous integration, use
                        `npx vitest run` to run once and exit.

                        Now break the function on purpose, for example divide by 10, and
                        read the failure. Vitest shows the expected and received values side
                        by side. Getting used to reading failures is half of testing well.
                        """
                    ),
                ),
            ),
        ),
        DemoSection(
            "Mocks and fakes",
            (DemoLesson("When to mock, and when not to"),),
        ),
    ),
)

PUBLISHED = (
    CSS_LAYOUT,
    PANDAS,
    SMARTPHONE_FILMMAKING,
    NATURAL_LIGHT,
    WEEKLY_PLANNING,
    ACCESSIBLE_FORMS,
    NEWSLETTERS,
    COLOR_GRADING,
)
# In catalog order of age: the first is published first, so "newest" lists the last first.
COURSES: tuple[DemoCourse, ...] = (*PUBLISHED, DIALOGUE_AUDIO, THUMBNAILS, VITEST)
