import type { Messages } from '../messages.ts';

/** Simplified Chinese. */
export const meta = { code: 'zh', name: '简体中文' };

export const messages: Messages = {
  language: {
    label: '语言',
  },
  // beyond: Raft beyond §5 (snapshots, membership) on the page
  beyond: {
    cellCompacted: '已压缩进快照',
    cellSnapshotLast: (term: number) => `快照的最后一条，任期 ${term}`,
    rowSnapshot: (index: number, term: number) => `快照截至 ${index}，任期 ${term}`,
  },
};
