/**
 * The handful of line icons the workbench uses, inline so the offline app
 * needs no icon font. 16px, stroke follows the text colour.
 */
import type { ReactNode } from 'react';

function Svg({ children, size = 16 }: { children: ReactNode; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      {children}
    </svg>
  );
}

export const OpenIcon = () => (
  <Svg>
    <path d="M2 4.5V12a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V6a1 1 0 0 0-1-1H8L6.5 3H3a1 1 0 0 0-1 1.5Z" />
  </Svg>
);

export const SparkIcon = () => (
  <Svg>
    <path d="M8 2v3M8 11v3M2 8h3M11 8h3M4 4l1.8 1.8M10.2 10.2 12 12M12 4l-1.8 1.8M5.8 10.2 4 12" />
  </Svg>
);

export const KeyboardIcon = () => (
  <Svg>
    <rect x="1.5" y="4" width="13" height="8" rx="1.5" />
    <path d="M4 6.5h.01M6.5 6.5h.01M9 6.5h.01M11.5 6.5h.01M5 9.5h6" />
  </Svg>
);

export const CloseIcon = ({ size = 14 }: { size?: number }) => (
  <Svg size={size}>
    <path d="m4 4 8 8M12 4l-8 8" />
  </Svg>
);

export const ChevronIcon = ({ open }: { open: boolean }) => (
  <Svg size={12}>
    <path d={open ? 'm4 6 4 4 4-4' : 'm6 4 4 4-4 4'} />
  </Svg>
);

export const TableIcon = () => (
  <Svg>
    <rect x="2" y="2.5" width="12" height="11" rx="1.5" />
    <path d="M2 6h12M2 9.5h12M6.5 6v7.5" />
  </Svg>
);

export const UploadIcon = ({ size = 16 }: { size?: number }) => (
  <Svg size={size}>
    <path d="M8 10.5V2.5M5 5.5l3-3 3 3M2.5 10v2.5a1 1 0 0 0 1 1h9a1 1 0 0 0 1-1V10" />
  </Svg>
);

export const AlertIcon = () => (
  <Svg>
    <path d="M8 1.8 15 14H1L8 1.8Z" />
    <path d="M8 6.5v3M8 11.7h.01" />
  </Svg>
);

export const InfoIcon = () => (
  <Svg>
    <circle cx="8" cy="8" r="6.2" />
    <path d="M8 7.3v4M8 4.8h.01" />
  </Svg>
);

export const SidebarIcon = () => (
  <Svg>
    <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
    <path d="M6 2.5v11" />
  </Svg>
);

export const MoreIcon = () => (
  <Svg size={14}>
    <path d="M8 3.5h.01M8 8h.01M8 12.5h.01" strokeWidth="2.2" />
  </Svg>
);
