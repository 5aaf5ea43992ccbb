/** The app mark: a frame with a box annotation on it; drawn inline to stay within the CSP. */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="logo-gradient" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#8f92ff" />
          <stop offset="1" stopColor="#5a5de6" />
        </linearGradient>
      </defs>
      <rect x="1" y="1" width="30" height="30" rx="8" fill="url(#logo-gradient)" />
      <path d="M7 23l6-7 4 4 3-3 5 6z" fill="rgba(255,255,255,0.9)" />
      <rect
        x="15.5"
        y="7.5"
        width="9"
        height="9"
        rx="1.5"
        fill="none"
        stroke="#fff"
        strokeWidth="1.8"
        strokeDasharray="3 2"
      />
      <circle cx="11" cy="10.5" r="2" fill="rgba(255,255,255,0.9)" />
    </svg>
  );
}

export function AppName() {
  return (
    <span className="app-name">
      Pictograph <span className="app-name__review">Review</span>
    </span>
  );
}
