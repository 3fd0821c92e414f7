import { themeQuartz } from 'ag-grid-community';

// System fonts only: the app is offline, and a web font would be fetched from the network.
export const GRID_FONT_FAMILY = ['system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'Ubuntu', 'Cantarell', 'Noto Sans', 'Arial', 'sans-serif'];
export const GRID_FONT_SIZE = 13;
/** Also what content-widths.ts adds around measured cell text. */
export const CELL_PADDING_PX = 8;

/**
 * Quartz, tightened for data work: 13px text, 26px rows, square outer
 * corners (the grid fills its pane), the app's single accent colour.
 */
export const gridTheme = themeQuartz.withParams({
  fontFamily: GRID_FONT_FAMILY,
  fontSize: GRID_FONT_SIZE,
  headerFontSize: 12,
  headerFontWeight: 600,
  spacing: 5,
  rowHeight: 26,
  headerHeight: 32,
  accentColor: '#2563eb',
  foregroundColor: '#1d2127',
  backgroundColor: '#ffffff',
  headerBackgroundColor: '#f6f7f9',
  headerTextColor: '#3d4450',
  borderColor: '#e1e4e8',
  rowBorder: { color: '#eceef1' },
  columnBorder: { color: '#eceef1' },
  oddRowBackgroundColor: '#fbfbfc',
  rowHoverColor: '#f1f5fe',
  wrapperBorder: false,
  wrapperBorderRadius: 0,
  cellHorizontalPadding: CELL_PADDING_PX,
  iconSize: 14,
});
