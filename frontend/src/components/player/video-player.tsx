"use client";

import { AlertTriangle, Keyboard, Loader2, Maximize, Minimize, Pause, PictureInPicture2, Play, RotateCcw, X } from "lucide-react";
import { usePathname, useSearchParams } from "next/navigation";
import { type ComponentProps, type ReactNode, useCallback, useEffect, useId, useRef, useState } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { usePlaybackGrant, useSeekThumbnails } from "@/hooks/queries/player";
import type { PlaybackGrant } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { ControlButton } from "./control-button";
import { withNewestGrant } from "./grant-url";
import { CaptionsMenu, QualityMenu, SpeedMenu } from "./player-menus";
import { linkedStart, parseLinkedStart } from "./linked-start";
import { listen } from "./listen";
import { usePlayerBridge } from "./player-bridge";
import { GrantProblem, PlayerProblem } from "./player-problem";
import { SeekBar } from "./seek-bar";
import { type PlayerAction, rateLabel, SHORTCUT_HELP, shortcutFor, stepRate } from "./shortcuts";
import { clamp, formatClock, resumeStart } from "./time";
import { useHeartbeat } from "./use-heartbeat";
import { type PlaybackFailure, useHlsSource } from "./use-hls-source";
import { useMediaState } from "./use-media-state";
import { VolumeControl } from "./volume-control";

export type PlayerState = "loading" | "ready" | "playing" | "paused" | "ended" | "error";

type VideoPlayerProps = {
  lessonId: string;
  /** The lesson's title, to name the player for screen readers. */
  title: string;
  /** Signed-in viewers' positions are saved; a signed-out preview viewer's are not. */
  signedIn: boolean;
  /** Where a viewer who may not watch is sent back to. */
  courseHref: string;
  /** Start playing as soon as the video can (the viewer asked for the next lesson to play). */
  autoPlay?: boolean;
  onEnded?: () => void;
  /** Shown over the video, inside the player (so also in full screen): e.g. what plays next. */
  children?: ReactNode;
  className?: string;
};

/**
 * A lesson's video: asks for a playback grant, then streams it (hls.js, or the browser's own HLS)
 * under custom controls that work with a keyboard, a screen reader, a mouse or a finger.
 * The container exposes its state for tests and styling: data-state, data-quality, data-rate and
 * data-captions.
 */
export function VideoPlayer({ lessonId, title, signedIn, courseHref, autoPlay = false, onEnded, children, className }: VideoPlayerProps) {
  const grant = usePlaybackGrant(lessonId);
  const pathname = usePathname();
  // A link to a moment (`?t=83`, e.g. from exported notes) starts the video there.
  const linkedSecond = parseLinkedStart(useSearchParams().get("t"));
  const { refetch } = grant;
  const refreshGrant = useCallback(() => refetch().then((result) => result.data), [refetch]);

  if (grant.data) {
    return (
      <PlayerStage
        grant={grant.data}
        refreshGrant={refreshGrant}
        linkedSecond={linkedSecond}
        lessonId={lessonId}
        title={title}
        signedIn={signedIn}
        autoPlay={autoPlay}
        onEnded={onEnded}
        className={className}
      >
        {children}
      </PlayerStage>
    );
  }
  return (
    <PlayerFrame title={title} state={grant.isError ? "error" : "loading"} className={className}>
      {grant.isError ? (
        <GrantProblem
          error={grant.error}
          signInHref={`/sign-in?next=${encodeURIComponent(pathname)}`}
          courseHref={courseHref}
          onRetry={() => void refetch()}
          retrying={grant.isFetching}
        />
      ) : (
        <>
          <Skeleton className="absolute inset-0 rounded-none bg-white/5" />
          <Spinner />
          <span className="sr-only">Loading the video…</span>
        </>
      )}
    </PlayerFrame>
  );
}

type FrameProps = {
  title: string;
  state: PlayerState;
  quality?: string;
  rate?: number;
  captions?: string;
  className?: string;
  children: ReactNode;
} & Omit<ComponentProps<"div">, "title">;

/** The player's box: 16:9 on the page, the whole screen in full screen. */
function PlayerFrame({ title, state, quality = "auto", rate = 1, captions = "off", className, children, ...props }: FrameProps) {
  return (
    <div
      role="region"
      aria-label={`Video player: ${title}`}
      aria-busy={state === "loading" || undefined}
      data-testid="video-player"
      data-state={state}
      data-quality={quality}
      data-rate={String(rate)}
      data-captions={captions}
      className={cn(
        "@container relative isolate aspect-video w-full overflow-hidden rounded-xl bg-black text-white select-none [&:fullscreen]:rounded-none",
        className,
      )}
      {...props}
    >
      {children}
    </div>
  );
}

function Spinner() {
  return (
    <div aria-hidden className="pointer-events-none absolute inset-0 z-10 grid place-items-center">
      <span className="flex size-14 items-center justify-center rounded-full bg-black/50">
        <Loader2 className="size-8 animate-spin" />
      </span>
    </div>
  );
}

type StageProps = Omit<VideoPlayerProps, "courseHref" | "autoPlay"> & {
  grant: PlaybackGrant;
  refreshGrant: () => Promise<PlaybackGrant | undefined>;
  autoPlay: boolean;
  /** The second the page's link asked for (`?t=`), which wins over the resume position. */
  linkedSecond: number | null;
};

type Source = { grant: PlaybackGrant; startAt: number | null; generation: number };

const HIDE_CONTROLS_MS = 3000;
const RESUME_NOTICE_MS = 8000;
const VOLUME_KEY = "lectern.player.volume";

// Elements that use keys themselves: a shortcut must not take them away.
const EDITABLE = "input, textarea, select, [contenteditable]:not([contenteditable='false'])";
const INTERACTIVE =
  "a[href], button, summary, [tabindex]:not([tabindex='-1']), [role='button'], [role='link'], [role='menuitem'], [role='menuitemradio'], [role='menuitemcheckbox'], [role='tab'], [role='checkbox'], [role='switch'], [role='option'], [role='slider']";
// Outside the player these keys keep scrolling the page.
const PAGE_KEYS = new Set(["ArrowUp", "ArrowDown", "Home", "End"]);

type WebkitVideo = HTMLVideoElement & { webkitEnterFullscreen?: () => void };

function PlayerStage({ grant, refreshGrant, lessonId, title, signedIn, autoPlay, linkedSecond, onEnded, children, className }: StageProps) {
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const controlsRef = useRef<HTMLDivElement>(null);
  const cueBoxRef = useRef<HTMLDivElement>(null);
  const trackEls = useRef(new Map<string, HTMLTrackElement>());
  const newestUrl = useRef(grant.master_url);
  useEffect(() => {
    newestUrl.current = grant.master_url;
  }, [grant.master_url]);

  const [source, setSource] = useState<Source>(() => ({
    grant,
    startAt:
      linkedSecond !== null
        ? linkedStart(linkedSecond, grant.duration_seconds)
        : resumeStart(grant.resume_position_seconds, grant.duration_seconds),
    generation: 0,
  }));
  const [failure, setFailure] = useState<PlaybackFailure | null>(null);
  const [started, setStarted] = useState(false);
  const media = useMediaState(video);
  // The notes beside the player, when the page has them: "n" and "b" go there.
  const bridge = usePlayerBridge();
  // Declared before the stream: effects clean up in order, so when the player goes its last
  // position is saved before the stream is taken down.
  useHeartbeat(video, lessonId, signedIn);
  const { engine, levels, playingHeight, manualLevel, setLevel } = useHlsSource({
    video,
    masterUrl: source.grant.master_url,
    newestUrl,
    startAt: source.startAt,
    generation: source.generation,
    refreshGrant,
    onFailure: setFailure,
  });
  const thumbnails = useSeekThumbnails(source.grant.video_id, source.grant.thumbnails_url);

  const duration = media.duration || grant.duration_seconds;
  const state: PlayerState = failure
    ? "error"
    : !media.loaded
      ? "loading"
      : media.ended
        ? "ended"
        : !media.paused
          ? "playing"
          : started
            ? "paused"
            : "ready";

  // --- what the viewer asks for -----------------------------------------------------------

  const [announcement, setAnnouncement] = useState("");
  const [flash, setFlash] = useState<{ text: string; at: number } | null>(null);
  /** Shows what a shortcut did over the video, and tells screen readers. */
  const say = (text: string) => {
    setAnnouncement(text);
    setFlash({ text, at: Date.now() });
  };
  useEffect(() => {
    if (!flash) return;
    const timer = window.setTimeout(() => setFlash(null), 800);
    return () => window.clearTimeout(timer);
  }, [flash]);

  const play = () => {
    if (video) void video.play().catch(() => undefined);
  };
  const togglePlay = () => {
    if (!video) return;
    if (video.paused || video.ended) play();
    else video.pause();
  };
  const seekTo = (time: number) => {
    if (!video || !(duration > 0)) return;
    video.currentTime = clamp(time, 0, Math.max(0, duration - 0.05));
  };
  const setVolume = (volume: number) => {
    if (!video) return;
    video.volume = volume;
    video.muted = volume === 0;
  };
  const toggleMute = () => {
    if (!video) return;
    if (video.muted || video.volume === 0) {
      if (video.volume === 0) video.volume = 0.5;
      video.muted = false;
    } else {
      video.muted = true;
    }
  };
  const setRate = (rate: number) => {
    if (!video) return;
    video.playbackRate = rate;
    video.defaultPlaybackRate = rate;
  };

  // Captions: the <track>s load from the grant the stream started with; one picked later, after
  // that grant has lapsed, is pointed at the newest grant first.
  const captions = source.grant.captions;
  const [captionId, setCaptionId] = useState<string | null>(() => captions.find((caption) => caption.is_default)?.id ?? null);
  const chosenCaption = captions.find((caption) => caption.id === captionId) ?? null;
  const toggleCaptions = () => {
    const fallback = captions.find((caption) => caption.is_default) ?? captions[0];
    const next = captionId ? null : (fallback?.id ?? null);
    setCaptionId(next);
    return captions.find((caption) => caption.id === next) ?? null;
  };

  const [support, setSupport] = useState({ fullscreen: false, pip: false });
  const [fullscreen, setFullscreen] = useState(false);
  const [pip, setPip] = useState(false);
  const toggleFullscreen = () => {
    if (!container || !video) return;
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else if (document.fullscreenEnabled) void container.requestFullscreen().catch(() => undefined);
    else (video as WebkitVideo).webkitEnterFullscreen?.();
  };
  const togglePip = () => {
    if (!video) return;
    if (document.pictureInPictureElement) void document.exitPictureInPicture().catch(() => undefined);
    else void video.requestPictureInPicture().catch(() => undefined);
  };

  const [helpOpen, setHelpOpen] = useState(false);

  const run = (action: PlayerAction) => {
    switch (action.type) {
      case "togglePlay":
        togglePlay();
        return;
      case "seekBy":
        seekTo((video?.currentTime ?? 0) + action.seconds);
        say(`${action.seconds > 0 ? "Forward" : "Back"} ${Math.abs(action.seconds)} seconds`);
        return;
      case "seekToFraction":
        seekTo(duration * action.fraction);
        say(formatClock(duration * action.fraction));
        return;
      case "volumeBy": {
        const volume = clamp(Math.round(((video?.muted ? 0 : (video?.volume ?? 1)) + action.delta) * 100) / 100, 0, 1);
        setVolume(volume);
        say(volume === 0 ? "Muted" : `Volume ${Math.round(volume * 100)}%`);
        return;
      }
      case "toggleMute":
        toggleMute();
        say(video?.muted ? "Muted" : "Sound on");
        return;
      case "toggleFullscreen":
        toggleFullscreen();
        return;
      case "toggleCaptions": {
        if (captions.length === 0) return say("This video has no captions");
        const caption = toggleCaptions();
        say(caption ? `Captions: ${caption.label}` : "Captions off");
        return;
      }
      case "rateStep": {
        const rate = stepRate(video?.playbackRate ?? 1, action.step);
        setRate(rate);
        say(`Speed ${rateLabel(rate)}`);
        return;
      }
      case "showShortcuts":
        setHelpOpen((open) => !open);
        return;
      case "newNote":
      case "bookmark": {
        if (!video || !bridge?.takesNotes()) return;
        const at = Math.floor(video.currentTime);
        const wasPlaying = !video.paused && !video.ended;
        if (action.type === "newNote") {
          // Writing needs the video still and the note box in sight.
          video.pause();
          if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
        }
        bridge.request({ kind: action.type === "newNote" ? "note" : "bookmark", at, wasPlaying });
        // Shown only: the notes panel announces the outcome to screen readers.
        setFlash({ text: `${action.type === "newNote" ? "Note" : "Bookmark"} at ${formatClock(at)}`, at: Date.now() });
        return;
      }
    }
  };

  // --- controls that hide while the video plays ---------------------------------------------

  const [active, setActive] = useState(true);
  const [menuOpen, setMenuOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [keyboardInControls, setKeyboardInControls] = useState(false);
  const hideTimer = useRef<number | undefined>(undefined);
  const swallowClick = useRef(false);
  const poke = useCallback(() => {
    setActive(true);
    window.clearTimeout(hideTimer.current);
    hideTimer.current = window.setTimeout(() => setActive(false), HIDE_CONTROLS_MS);
  }, []);
  useEffect(() => () => window.clearTimeout(hideTimer.current), []);
  const controlsShown = state !== "playing" || active || menuOpen || dragging || keyboardInControls || helpOpen;

  // --- the latest of everything, for listeners that stay put ----------------------------------

  const latest = useRef({ run, poke, onEnded, seekTo, duration });
  useEffect(() => {
    latest.current = { run, poke, onEnded, seekTo, duration };
  });

  // The page's notes read the time and seek through this handle (see player-bridge.tsx).
  const register = bridge?.register;
  useEffect(() => {
    if (!register || !video) return;
    return register({
      currentTime: () => video.currentTime,
      duration: () => latest.current.duration,
      paused: () => video.paused || video.ended,
      seek: (seconds) => latest.current.seekTo(seconds),
      play: () => void video.play().catch(() => undefined),
      pause: () => video.pause(),
      focus: () => container?.focus({ preventScroll: true }),
      reveal: () => container?.scrollIntoView({ block: "nearest", behavior: "smooth" }),
      subscribe: (listener) =>
        listen(video, { timeupdate: listener, seeked: listener, play: listener, pause: listener, durationchange: listener }),
    });
  }, [register, video, container]);

  // Keyboard shortcuts: on the player, and on the page while nothing that takes keys has focus.
  useEffect(() => {
    if (!container) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : null;
      const inside = target !== null && container.contains(target);
      if (target?.closest(EDITABLE) || target?.closest("[role='menu'], [role='dialog']")) return;
      if (!inside && target && target !== document.body && target.closest(INTERACTIVE)) return;
      if (!inside && PAGE_KEYS.has(event.key)) return;
      const action = shortcutFor(event);
      if (!action) return;
      // Space and Enter press the focused button; they are not play/pause then.
      if ((event.key === " " || event.key === "Enter") && target !== container && target?.closest(INTERACTIVE)) return;
      event.preventDefault();
      latest.current.run(action);
      latest.current.poke();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [container]);

  // Media events that change more than the snapshot.
  useEffect(() => {
    if (!video) return;
    const onPlay = () => setStarted(true);
    const onEndedEvent = () => latest.current.onEnded?.();
    const onPip = () => setPip(document.pictureInPictureElement === video);
    const onWebkitBegin = () => setFullscreen(true);
    const onWebkitEnd = () => setFullscreen(false);
    const stop = listen(video, {
      play: onPlay,
      ended: onEndedEvent,
      enterpictureinpicture: onPip,
      leavepictureinpicture: onPip,
      webkitbeginfullscreen: onWebkitBegin,
      webkitendfullscreen: onWebkitEnd,
    });
    setSupport({
      fullscreen: document.fullscreenEnabled || typeof (video as WebkitVideo).webkitEnterFullscreen === "function",
      pip: Boolean(document.pictureInPictureEnabled) && !video.disablePictureInPicture,
    });
    return stop;
  }, [video]);

  useEffect(() => {
    if (!container) return;
    const onChange = () => setFullscreen(document.fullscreenElement === container);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, [container]);

  // The viewer's volume carries over from one lesson to the next.
  useEffect(() => {
    if (!video) return;
    try {
      const saved = JSON.parse(window.localStorage.getItem(VOLUME_KEY) ?? "null") as { volume?: unknown; muted?: unknown } | null;
      if (typeof saved?.volume === "number") video.volume = clamp(saved.volume, 0, 1);
      if (typeof saved?.muted === "boolean") video.muted = saved.muted;
    } catch {
      // Storage may be off or hold something else; the default volume will do.
    }
    const save = () => {
      try {
        window.localStorage.setItem(VOLUME_KEY, JSON.stringify({ volume: video.volume, muted: video.muted }));
      } catch {
        // As above.
      }
    };
    video.addEventListener("volumechange", save);
    return () => video.removeEventListener("volumechange", save);
  }, [video]);

  // Start playing by itself when asked to (the viewer chose to go on to this lesson), and after
  // a retry of a video that was playing.
  const playWhenLoaded = useRef(false);
  useEffect(() => {
    if (autoPlay) playWhenLoaded.current = true;
  }, [autoPlay]);
  useEffect(() => {
    if (!playWhenLoaded.current || !video || !media.loaded) return;
    playWhenLoaded.current = false;
    void video.play().catch(() => undefined);
  }, [autoPlay, video, media.loaded, source.generation]);

  // Captions: the chosen track is loaded and "hidden" (its cues drawn by the player, above the
  // controls); the others are off. A track the browser turns on by itself (its default
  // attribute) becomes the chosen one.
  useEffect(() => {
    if (!video) return;
    for (const [id, element] of trackEls.current) {
      const chosen = id === captionId;
      if (chosen && element.readyState !== HTMLTrackElement.LOADING && element.readyState !== HTMLTrackElement.LOADED) {
        const caption = captions.find((entry) => entry.id === id);
        const fresh = caption ? new URL(withNewestGrant(caption.url, newestUrl.current), document.baseURI).href : element.src;
        if (fresh !== element.src) element.src = fresh;
      }
      const mode: TextTrackMode = chosen ? "hidden" : "disabled";
      if (element.track.mode !== mode) element.track.mode = mode;
    }
    const box = cueBoxRef.current;
    const track = captionId ? trackEls.current.get(captionId)?.track : undefined;
    box?.replaceChildren();
    const render = () => {
      if (!box || !track) return;
      const lines: Node[] = [];
      for (const cue of Array.from(track.activeCues ?? [])) {
        if (!(cue instanceof VTTCue)) continue;
        const line = document.createElement("span");
        line.className = "rounded-sm bg-black/80 px-2 py-0.5 box-decoration-clone";
        line.append(cue.getCueAsHTML());
        lines.push(line, document.createElement("br"));
      }
      box.replaceChildren(...lines.slice(0, -1));
    };
    // iOS plays full screen in its own player, which draws only "showing" tracks.
    let nativeFullscreen = false;
    const onNativeFullscreen = (event: Event) => {
      nativeFullscreen = event.type === "webkitbeginfullscreen";
      if (track) track.mode = nativeFullscreen ? "showing" : "hidden";
    };
    const onTracksChange = () => {
      if (nativeFullscreen) return;
      for (const [id, element] of trackEls.current) {
        if (element.track.mode === "showing") {
          element.track.mode = "hidden";
          if (id !== captionId) setCaptionId(id);
        }
      }
    };
    render();
    track?.addEventListener("cuechange", render);
    video.textTracks.addEventListener("change", onTracksChange);
    video.addEventListener("webkitbeginfullscreen", onNativeFullscreen);
    video.addEventListener("webkitendfullscreen", onNativeFullscreen);
    return () => {
      track?.removeEventListener("cuechange", render);
      video.removeEventListener("webkitbeginfullscreen", onNativeFullscreen);
      video.removeEventListener("webkitendfullscreen", onNativeFullscreen);
      video.textTracks.removeEventListener("change", onTracksChange);
    };
  }, [video, captionId, captions]);

  // "Resumed at 3:12 · Start over", until a while after playback starts (not for a linked moment).
  const [resumedAt, setResumedAt] = useState<number | null>(linkedSecond !== null ? null : source.startAt);
  useEffect(() => {
    if (resumedAt === null || !started) return;
    const timer = window.setTimeout(() => setResumedAt(null), RESUME_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [resumedAt, started]);

  const retry = async () => {
    const at = video?.currentTime ?? 0;
    playWhenLoaded.current = started;
    setFailure(null);
    const fresh = await refreshGrant().catch(() => undefined);
    setSource((current) => ({ grant: fresh ?? grant, startAt: at > 1 ? at : current.startAt, generation: current.generation + 1 }));
  };

  const helpId = useId();
  const chosenLevel = levels.find((level) => level.index === manualLevel);
  const qualityValue = engine === "hls" && chosenLevel ? String(chosenLevel.height) : "auto";
  const spriteUrl = (url: string) => withNewestGrant(url, newestUrl.current);

  return (
    <PlayerFrame
      ref={setContainer}
      title={title}
      state={state}
      quality={qualityValue}
      rate={media.rate}
      captions={chosenCaption?.language ?? "off"}
      className={cn(!controlsShown && "cursor-none", className)}
      tabIndex={0}
      data-fullscreen={fullscreen || undefined}
      onPointerMove={(event) => {
        if (event.pointerType === "mouse") poke();
      }}
      onPointerLeave={(event) => {
        if (event.pointerType === "mouse" && !dragging) setActive(false);
      }}
      onFocus={poke}
    >
      <video
        ref={setVideo}
        poster={source.grant.poster_url}
        playsInline
        preload="metadata"
        className="absolute inset-0 size-full object-contain"
        aria-hidden
        tabIndex={-1}
      >
        {captions.map((caption) => (
          <track
            key={caption.id}
            ref={(element) => {
              if (element) trackEls.current.set(caption.id, element);
              else trackEls.current.delete(caption.id);
            }}
            kind="subtitles"
            src={caption.url}
            srcLang={caption.language}
            label={caption.label}
            default={caption.is_default}
          />
        ))}
      </video>

      {/* Clicking the picture plays and pauses; a tap shows or hides the controls. Keyboard and
          screen-reader users have the Play button and the shortcuts instead. */}
      <div
        aria-hidden
        className="absolute inset-0"
        onPointerUp={(event) => {
          if (event.pointerType === "mouse") {
            if (event.button === 0) togglePlay();
            poke();
          } else if (controlsShown && state === "playing") {
            setActive(false);
          } else {
            poke();
          }
        }}
        onDoubleClick={toggleFullscreen}
      />

      <div
        ref={cueBoxRef}
        aria-live="off"
        lang={chosenCaption?.language}
        className={cn(
          "pointer-events-none absolute inset-x-4 z-10 text-center text-sm leading-relaxed whitespace-pre-line text-white transition-[bottom] @md:text-lg @3xl:text-2xl",
          controlsShown ? "bottom-22 @sm:bottom-24" : "bottom-4",
        )}
      />

      {state === "ready" && (
        <div aria-hidden className="pointer-events-none absolute inset-0 grid place-items-center">
          <span className="flex size-16 items-center justify-center rounded-full bg-black/60 shadow-lg ring-1 ring-white/20 @md:size-20">
            <Play className="size-8 translate-x-0.5 fill-current @md:size-10" />
          </span>
        </div>
      )}
      {!failure && (state === "loading" || media.buffering) && <Spinner />}

      {resumedAt !== null && !failure && state !== "ended" && (
        <div role="status" className="absolute top-3 left-3 z-20 flex items-center gap-2 rounded-md bg-black/75 px-3 py-1.5 text-sm shadow">
          <span>Resumed at {formatClock(resumedAt)}</span>
          <span aria-hidden>·</span>
          <button
            type="button"
            className="rounded-sm font-semibold underline underline-offset-2 focus-visible:outline-white"
            onClick={() => {
              seekTo(0);
              setResumedAt(null);
              play();
            }}
          >
            Start over
          </button>
        </div>
      )}

      {flash && (
        <div aria-hidden className="pointer-events-none absolute inset-x-0 top-[18%] z-20 flex justify-center">
          <span key={flash.at} className="rounded-full bg-black/70 px-4 py-1.5 text-sm font-medium shadow">
            {flash.text}
          </span>
        </div>
      )}
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>

      <div
        ref={controlsRef}
        // Hidden controls stay where they are, and a mouse reveals them on its way; a finger's
        // first tap on them only reveals them, rather than pressing a button it could not see.
        onPointerDownCapture={(event) => {
          swallowClick.current = !controlsShown && event.pointerType !== "mouse";
          if (swallowClick.current) {
            event.stopPropagation();
            poke();
          }
        }}
        onClickCapture={(event) => {
          if (!swallowClick.current) return;
          swallowClick.current = false;
          event.preventDefault();
          event.stopPropagation();
        }}
        onFocus={(event) => setKeyboardInControls(event.target.matches(":focus-visible"))}
        onBlur={(event) => {
          if (!controlsRef.current?.contains(event.relatedTarget)) setKeyboardInControls(false);
        }}
        className={cn(
          "absolute inset-x-0 bottom-0 z-20 bg-linear-to-t from-black/85 via-black/50 to-transparent px-2 pt-12 pb-1 transition-opacity duration-200 @sm:px-3 @sm:pb-1.5",
          controlsShown ? "opacity-100" : "opacity-0",
        )}
      >
        <SeekBar
          currentTime={media.currentTime}
          duration={duration}
          buffered={media.buffered}
          thumbnails={thumbnails.data ?? []}
          spriteUrl={spriteUrl}
          onSeek={(time) => {
            seekTo(time);
            poke();
          }}
          onDraggingChange={setDragging}
        />
        <div className="flex items-center gap-0.5 @sm:gap-1">
          <ControlButton label={state === "playing" ? "Pause" : "Play"} onClick={togglePlay}>
            {state === "playing" ? <Pause className="fill-current" /> : <Play className="fill-current" />}
          </ControlButton>
          <VolumeControl volume={media.volume} muted={media.muted} onToggleMute={toggleMute} onVolume={setVolume} />
          <p className="ml-1 min-w-0 truncate text-xs whitespace-nowrap text-white/90 tabular-nums @sm:text-sm">
            {formatClock(media.currentTime)}
            <span aria-hidden> / </span>
            <span className="sr-only"> of </span>
            {formatClock(duration)}
          </p>
          <span className="flex-1" />
          {captions.length > 0 && (
            <CaptionsMenu captions={captions} selected={captionId} onSelect={setCaptionId} container={container} onOpenChange={setMenuOpen} />
          )}
          <SpeedMenu rate={media.rate} onRate={setRate} container={container} onOpenChange={setMenuOpen} />
          {engine === "hls" && levels.length > 0 && (
            <QualityMenu
              levels={levels}
              manualLevel={manualLevel}
              playingHeight={playingHeight}
              onLevel={setLevel}
              container={container}
              onOpenChange={setMenuOpen}
            />
          )}
          <ControlButton
            label="Keyboard shortcuts"
            aria-expanded={helpOpen}
            aria-controls={helpOpen ? helpId : undefined}
            className="hidden @2xl:inline-flex"
            onClick={() => setHelpOpen((open) => !open)}
          >
            <Keyboard />
          </ControlButton>
          {support.pip && (
            <ControlButton label={pip ? "Exit picture in picture" : "Picture in picture"} className="hidden @sm:inline-flex" onClick={togglePip}>
              <PictureInPicture2 />
            </ControlButton>
          )}
          {support.fullscreen && (
            <ControlButton label={fullscreen ? "Exit full screen" : "Full screen"} onClick={toggleFullscreen}>
              {fullscreen ? <Minimize /> : <Maximize />}
            </ControlButton>
          )}
        </div>
      </div>

      {helpOpen && (
        <ShortcutHelp id={helpId} onClose={() => setHelpOpen(false)} returnFocusTo={container} withNotes={bridge?.takesNotes() ?? false} />
      )}

      {failure && (
        <PlayerProblem
          icon={<AlertTriangle aria-hidden />}
          title="The video stopped"
          action={
            failure.retryable ? (
              <button
                type="button"
                onClick={() => void retry()}
                className="inline-flex h-8 items-center gap-2 rounded-md bg-white px-3 text-sm font-medium text-black hover:bg-white/90 focus-visible:outline-white"
              >
                <RotateCcw className="size-4" aria-hidden /> Try again
              </button>
            ) : undefined
          }
        >
          {failure.message}
        </PlayerProblem>
      )}

      {children}
    </PlayerFrame>
  );
}

/** The shortcuts, over the video; Escape or Close puts focus back on the player. */
function ShortcutHelp({
  id,
  onClose,
  returnFocusTo,
  withNotes,
}: {
  id: string;
  onClose: () => void;
  returnFocusTo: HTMLElement | null;
  withNotes: boolean;
}) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
  }, []);
  const close = () => {
    onClose();
    returnFocusTo?.focus();
  };
  return (
    <div
      id={id}
      role="dialog"
      aria-labelledby={`${id}-title`}
      className="absolute inset-0 z-30 overflow-y-auto bg-black/85 p-4 @sm:p-6"
      onKeyDown={(event) => {
        if (event.key === "Escape" || event.key === "?") {
          event.preventDefault();
          event.stopPropagation();
          close();
        }
      }}
    >
      <div className="mx-auto grid max-w-md gap-3">
        <div className="flex items-center justify-between gap-2">
          <h2 id={`${id}-title`} className="font-semibold">
            Keyboard shortcuts
          </h2>
          <ControlButton ref={closeRef} label="Close" onClick={close}>
            <X />
          </ControlButton>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          {SHORTCUT_HELP.filter((entry) => withNotes || !entry.notes).map(({ keys, does }) => (
            <div key={does} className="contents">
              <dt className="flex gap-1">
                {keys.map((key) => (
                  <kbd key={key} className="min-w-6 rounded border border-white/30 bg-white/10 px-1.5 text-center font-sans text-xs leading-5">
                    {key}
                  </kbd>
                ))}
              </dt>
              <dd className="text-white/85">{does}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
