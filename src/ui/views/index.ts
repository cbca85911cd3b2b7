/**
 * The playground's data views (issue 5): presentational components that
 * draw only what they are given, and the pure functions behind them. No
 * store access here; the page wires them to the runtime. Import views.css
 * once (this module does); themes follow `color-scheme`, or data-theme on
 * <html>.
 */
import './views.css';

// Logs
export { LogLegend } from './LogLegend.tsx';
export { LogsView, LOG_CELL_PX, LOG_ROWHEAD_PX, type LogsViewProps } from './LogsView.tsx';
export type { LogNode } from './LogRow.tsx';
export {
  agreement,
  entryAt,
  logColumns,
  type Agreement,
  type FollowerProgress,
} from './logDiff.ts';
export { logCell, type LogCellModel } from './logCell.ts';
export { visibleWindow, scrollToReveal, isAtEnd, type CellWindow } from './logWindow.ts';

// State
export { StateView, STATE_USERS_SHOWN, type StateViewProps } from './StateView.tsx';
export {
  stateGrid,
  type StateDiff,
  type StateGrid,
  type UserState,
  type UsersByNode,
} from './stateDiff.ts';

// Inspector
export { Inspector, type InspectTarget, type InspectorProps } from './Inspector.tsx';
export { NodeInspector, type NodeInspectorProps } from './NodeInspector.tsx';
export { MessageInspector } from './MessageInspector.tsx';
export {
  messageFields,
  nodeFields,
  progressFields,
  describeCommand,
  type InspectNode,
} from './inspect.ts';

// Event feed
export { EventFeedView, FEED_ROWS_SHOWN, type EventFeedViewProps } from './EventFeedView.tsx';
export { FeedConverter, type FeedConverterOptions } from './feedConvert.ts';
export { describeEvent, describeMessage } from './describeEvent.ts';
export {
  appendBounded,
  filterFeed,
  kindOf,
  nodesOf,
  FEED_KINDS,
  type FeedEvent,
  type FeedFilter,
  type FeedKind,
} from './feedEvent.ts';

// History
export { HistoryView, type HistoryViewProps } from './HistoryView.tsx';
export {
  layoutHistory,
  selectOps,
  type HistoryVerdict,
  type HistoryLayout,
} from './historyLayout.ts';
export { opLabel, opDescription } from './opLabel.ts';

// Safety
export { SafetyBadges, type SafetyBadgesProps } from './SafetyBadges.tsx';
export {
  safetyBadges,
  violationPlace,
  violationAnnouncement,
  type ViolationLike,
} from './safety.ts';

// Theme
export { termColourClass, THEME_TOKENS, TERM_BACKGROUNDS } from './theme.ts';
export { contrastRatio } from './contrast.ts';
