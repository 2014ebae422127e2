"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { Captions, CaptionsOff, Check, Gauge, Settings } from "lucide-react";
import type { ReactNode } from "react";
import { DropdownMenu, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { CaptionTrack } from "@/lib/api/models";
import { ControlButton } from "./control-button";
import { autoLabel, heightLabel } from "./quality";
import { PLAYBACK_RATES, rateLabel } from "./shortcuts";

type MenuShellProps = {
  /** The trigger's accessible name, which stays the same whatever is chosen. */
  label: string;
  icon: ReactNode;
  /** What is chosen now, shown on wide players beside the icon (and read after the name). */
  value?: string;
  /** The player: menus open inside it so they still show in full screen. */
  container: HTMLElement | null;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
};

/** A control-bar menu (Radix dropdown: arrow keys, typeahead, Escape, focus back to its button). */
function MenuShell({ label, icon, value, container, onOpenChange, children }: MenuShellProps) {
  return (
    <DropdownMenu onOpenChange={onOpenChange}>
      <DropdownMenuTrigger asChild>
        <ControlButton label={label} aria-description={value ? `${value} selected` : undefined}>
          {icon}
        </ControlButton>
      </DropdownMenuTrigger>
      <Menu.Portal container={container}>
        <Menu.Content
          side="top"
          align="end"
          sideOffset={8}
          collisionPadding={8}
          // Keep the menu within a small player: it scrolls rather than spill out of the frame.
          className="z-50 max-h-(--radix-dropdown-menu-content-available-height) min-w-44 overflow-y-auto rounded-lg border border-border bg-surface p-1 text-foreground shadow-lg"
        >
          <DropdownMenuLabel className="text-xs font-semibold text-muted-foreground">{label}</DropdownMenuLabel>
          <DropdownMenuSeparator />
          {children}
        </Menu.Content>
      </Menu.Portal>
    </DropdownMenu>
  );
}

function Choice({ value, children }: { value: string; children: ReactNode }) {
  return (
    <Menu.RadioItem
      value={value}
      className="relative flex cursor-default items-center rounded-md py-2 pr-3 pl-8 text-sm outline-none select-none data-[disabled]:opacity-50 data-[highlighted]:bg-muted data-[state=checked]:font-semibold"
    >
      <Menu.ItemIndicator className="absolute left-2.5 inline-flex">
        <Check className="size-4 text-primary" aria-hidden />
      </Menu.ItemIndicator>
      {children}
    </Menu.RadioItem>
  );
}

type ShellProps = { container: HTMLElement | null; onOpenChange: (open: boolean) => void };

export function SpeedMenu({ rate, onRate, ...shell }: ShellProps & { rate: number; onRate: (rate: number) => void }) {
  return (
    <MenuShell label="Playback speed" icon={<Gauge />} value={rateLabel(rate)} {...shell}>
      <Menu.RadioGroup value={String(rate)} onValueChange={(value) => onRate(Number(value))}>
        {PLAYBACK_RATES.map((choice) => (
          <Choice key={choice} value={String(choice)}>
            {rateLabel(choice)}
          </Choice>
        ))}
      </Menu.RadioGroup>
    </MenuShell>
  );
}

type QualityMenuProps = ShellProps & {
  levels: readonly { index: number; height: number }[];
  /** The chosen level's index in hls.levels, or -1 for Auto. */
  manualLevel: number;
  /** What Auto plays right now. */
  playingHeight: number | null;
  onLevel: (index: number) => void;
};

export function QualityMenu({ levels, manualLevel, playingHeight, onLevel, ...shell }: QualityMenuProps) {
  const chosen = levels.find((level) => level.index === manualLevel);
  return (
    <MenuShell label="Quality" icon={<Settings />} value={chosen ? heightLabel(chosen.height) : autoLabel(playingHeight)} {...shell}>
      <Menu.RadioGroup value={String(chosen ? chosen.index : -1)} onValueChange={(value) => onLevel(Number(value))}>
        <Choice value="-1">{autoLabel(playingHeight)}</Choice>
        {levels.map((level) => (
          <Choice key={level.index} value={String(level.index)}>
            {heightLabel(level.height)}
          </Choice>
        ))}
      </Menu.RadioGroup>
    </MenuShell>
  );
}

type CaptionsMenuProps = ShellProps & {
  captions: readonly CaptionTrack[];
  /** The id of the showing track, or null for off. */
  selected: string | null;
  onSelect: (id: string | null) => void;
};

export function CaptionsMenu({ captions, selected, onSelect, ...shell }: CaptionsMenuProps) {
  const chosen = captions.find((caption) => caption.id === selected);
  return (
    <MenuShell label="Captions" icon={chosen ? <Captions /> : <CaptionsOff />} value={chosen ? chosen.label : "Off"} {...shell}>
      <Menu.RadioGroup value={selected ?? "off"} onValueChange={(value) => onSelect(value === "off" ? null : value)}>
        <Choice value="off">Off</Choice>
        {captions.map((caption) => (
          <Choice key={caption.id} value={caption.id}>
            {caption.label}
          </Choice>
        ))}
      </Menu.RadioGroup>
    </MenuShell>
  );
}
