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
    membershipGroup: '成员变更',
    addServer: (name: string) => `添加 ${name}`,
    addServerTitle:
      '启动一台新服务器并由 Leader 把它加入集群：先作为追赶日志的学习者（learner），再成为投票成员（每次只变更一台，见论文 §4.1）',
    addServerFull: (max: number) => `集群已有 ${max} 台服务器，环上放不下更多了`,
    noLeaderForChange: '现在没有 Leader 可以发起成员变更，请等选出 Leader',
    removeServer: (name: string) => `把 ${name} 移出集群`,
    notAMember: (name: string) => `${name} 不在集群中`,
    configLine: (voters: string, learners: string) =>
      learners === '' ? `投票成员：${voters}` : `投票成员：${voters} · 学习者：${learners}`,
    learner: '学习者',
    removed: '已移出',
    ariaLearner: '学习者，追赶日志但没有投票权',
    ariaRemoved: '已移出集群',
  },
};
