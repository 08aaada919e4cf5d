const LABELS: Record<string, string> = { Voice: "Audio", Video: "Video", HDVideo: "HD video", Data: "Sharing" };

export function MediaBadges({ mediaTypes }: { mediaTypes: string[] }) {
  return (
    <span className="flex flex-wrap gap-1">
      {mediaTypes.map((m) => (
        <span key={m} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">
          {LABELS[m] ?? m}
        </span>
      ))}
    </span>
  );
}
