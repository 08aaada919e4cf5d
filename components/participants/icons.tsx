import { useTranslations } from "next-intl";

/** Small stroke icons; every state has its own shape (a slash for "off"), not only a colour. */
function Svg({ children, label, className }: { children: React.ReactNode; label: string; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" role="img" aria-label={label} className={className}>
      <title>{label}</title>
      {children}
    </svg>
  );
}

const SLASH = <path d="M3 3l18 18" />;

export function MicIcon({ muted }: { muted: boolean }) {
  const t = useTranslations("icons");
  return (
    <Svg label={muted ? t("muted") : t("micOn")} className={muted ? "text-slate-500 dark:text-slate-400" : "text-emerald-600 dark:text-emerald-400"}>
      <rect x="9" y="2" width="6" height="12" rx="3" />
      <path d="M5 10a7 7 0 0 0 14 0M12 17v5" />
      {muted && SLASH}
    </Svg>
  );
}

/**
 * The camera (Huawei's CAMERASTATE). Unknown has its own dashed shape; a value kept from the last
 * push while the push channel is down is drawn faded and says so.
 */
export function CameraIcon({ on, asOfLastPush = false }: { on: boolean | null; asOfLastPush?: boolean }) {
  const t = useTranslations("icons");
  if (on === null) {
    return (
      <Svg label={t("cameraUnknown")} className="text-slate-400">
        <rect x="2" y="6" width="14" height="12" rx="2" strokeDasharray="3 3" />
        <path d="M16 10l6-3v10l-6-3" strokeDasharray="3 3" />
      </Svg>
    );
  }
  const label = asOfLastPush ? t(on ? "cameraOnStale" : "cameraOffStale") : t(on ? "cameraOn" : "cameraOff");
  return (
    <Svg label={label} className={`${on ? "text-sky-600 dark:text-sky-400" : "text-slate-400"} ${asOfLastPush ? "opacity-50" : ""}`}>
      <rect x="2" y="6" width="14" height="12" rx="2" />
      <path d="M16 10l6-3v10l-6-3" />
      {!on && SLASH}
    </Svg>
  );
}

export function HandIcon() {
  const t = useTranslations("icons");
  return (
    <Svg label={t("hand")} className="text-amber-500">
      <path d="M8 13V5a1.5 1.5 0 0 1 3 0v6M11 11V3.5a1.5 1.5 0 0 1 3 0V11M14 11V5a1.5 1.5 0 0 1 3 0v8a7 7 0 0 1-7 7h-.5A6.5 6.5 0 0 1 4 14.5V12a1.5 1.5 0 0 1 3 0v2" />
    </Svg>
  );
}

export function ShareIcon() {
  const t = useTranslations("icons");
  return (
    <Svg label={t("sharing")} className="text-violet-600 dark:text-violet-400">
      <rect x="2" y="4" width="20" height="13" rx="2" />
      <path d="M8 21h8M12 17v4M9 10l3-3 3 3M12 7v7" />
    </Svg>
  );
}
