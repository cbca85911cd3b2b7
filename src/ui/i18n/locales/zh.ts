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
  // lessons: the guided lessons' narration (src/ui/lessons)
  lessons: {
    election: {
      title: '领导者选举：超时、投票与任期',
      followers:
        '五台服务器都以跟随者身份启动。每台都等待一个随机的选举超时（150 到 300 毫秒），看能否收到领导者的消息；环上显示了每台的计时器。',
      candidate:
        '最先到时的服务器成了候选人：它把任期加到 1，投自己一票，并向其他服务器请求投票（RequestVote）。',
      heartbeats:
        '它赢得了多数票，成为任期 1 的领导者。每台服务器在一个任期内最多投一票，所以一个任期最多只有一个领导者。它的心跳（空的 AppendEntries）会重置跟随者的计时器。',
      tryIt: '现在轮到你了。',
      taskGoal: '让 S3 成为领导者。',
      taskHint: '选中 S3，让它立即超时；或者让领导者崩溃，看 S3 的计时器能否最先到时。',
    },
    splitVote: {
      title: '选票分裂，以及超时为何要随机',
      narrow: '这次运行的选举超时取自很窄的范围，150 到 160 毫秒：服务器几乎同时超时。',
      split:
        '两台服务器在同一任期参选，各投自己一票。其余服务器只投给最先来请求的那一台，于是选票分散，谁都拿不到多数。',
      again:
        '这个任期没有人胜出。计时器再次到时，每台重新取一个随机值，新的任期开始了；选票也可能再次分裂。',
      why: '迟早会有一台服务器比其他服务器早得多地超时，并赢得选举。超时的范围越宽，这一刻来得越快：这就是 Raft 随机选取超时的原因（§5.2）。',
    },
    replication: {
      title: '日志复制与提交',
      leader: '首先，服务器们选出一个领导者。',
      append:
        'Alice 登录并写入“hello”。领导者先把每条命令追加到自己的日志，再通过 AppendEntries 发给跟随者。',
      majority:
        '跟随者追加这条日志条目并回复。一旦多数服务器持有它，领导者就将其标记为已提交：它永远不会丢失（§5.3）。',
      apply:
        '领导者的下一条 AppendEntries 带上了它的提交索引；每个跟随者随即把这次写入应用到自己那份 Alice 的状态上。',
      tryIt: '现在轮到你了。',
      taskGoal: '在五台服务器中有两台宕机时，让一次写入得到提交。',
      taskHint: '让两个跟随者崩溃，再从客户端面板写入。也试试崩溃第三台：这次写入会怎样？',
    },
    leaderCrash: {
      title: '领导者崩溃，新领导者当选，旧领导者归来',
      leader: '选出了领导者，Alice 的第一次写入已在全部五台服务器上提交。',
      crash: '领导者崩溃了。跟随者收不到心跳；计时器最先到时的那台以更高的任期参选并胜出。',
      write: 'Alice 再次写入。她的客户端找到了新领导者，新领导者与另外三台一起提交了这次写入。',
      restart:
        '旧领导者重启了。它的任期和日志都保存在磁盘上；它得知了更高的任期，于是成为跟随者并追上进度（§5.1）。',
    },
    partition: {
      title: '网络分区：少数派的领导者无法提交',
      start: 'Alice 的第一次写入已在全部五台服务器上提交。',
      split:
        '网络分裂了：领导者和一个跟随者在一边，另外三台在另一边。这三台收不到领导者的消息，便选出新的领导者：三台是五台中的多数。',
      minorityWrite:
        '旧领导者仍以为自己在领导。Alice 写入“v2”，她的客户端先问它：它追加了这条日志条目，却永远无法提交，因为只有两台服务器能收到。',
      clientRetries:
        'Alice 的客户端迟迟没有收到回复。250 毫秒后它换下一台服务器重试；在多数派一侧，这次写入到达新领导者并得到提交。',
      heal: '网络恢复了。旧领导者看到更高的任期，随即下台；它那条未提交的日志条目被新领导者的日志取代。',
      tryIt: '现在轮到你了。',
      taskGoal:
        '如果你做得到，就在不破坏安全性的前提下丢失一次写入：让一次写入始终得不到回复，并且永远不被应用。',
      taskHint:
        '在领导者收到这次写入后，让任何一边都凑不齐多数超过 5 秒；然后让不含它的多数派选出新领导者，再恢复网络。',
    },
    figure7: {
      title: '图 7：新领导者修复六种跟随者日志',
      logs: '这是论文的图 7：S1 即将成为任期 8 的领导者，S2 到 S7 持有日志 (a) 到 (f)。有的缺少条目，有的多出条目，(f) 还有别人都没有的任期 2 和任期 3 的条目。S1 开始参选。',
      votes:
        'S1 凭 (a)、(b)、(e)、(f) 的选票成为任期 8 的领导者；(c) 和 (d) 拒绝了它，因为它们的日志更新（§5.4.1）。只要跟随者的日志对不上，S1 就退后一条，从更早的条目重试（§5.3）。',
      repaired:
        '现在每份日志都和领导者的一样了。(c)、(d)、(f) 多出的条目从未提交过，所以删掉它们是安全的。',
    },
    figure8Story: {
      before:
        '这是论文的图 8。S1 曾领导任期 2，只把索引 2 复制到了 S2；S5 曾领导任期 3，写下了自己的索引 2。S1 再次参选；它的消息只能到达 S2 和 S3。',
      copy: 'S1 成为任期 4 的领导者，把任期 2 的索引 2 复制到 S3：现在多数服务器（S1、S2、S3）都持有它。',
    },
    figure8Bug: {
      title: '图 8：提交规则（开启教学用缺陷）',
      s5Wins:
        'S1 崩溃了。S5 最后一条日志的任期是 3，它请求投票并胜出：在 S2、S3、S4 看来，它的日志至少和自己的一样新。检查器立刻指出：这个领导者缺少一条已提交的条目（领导者完整性）。',
      count: '教学用缺陷已开启：S1 数了数索引 2 的副本，便提交了它，尽管它属于更早的任期。',
      overwrite:
        'S5 写入一条任期 5 的条目并复制自己的日志：它任期 3 的索引 2 取代了 S1 已提交的那条（已提交条目的持久性），各服务器在索引 2 上应用了不同的命令（状态机安全性）。',
      end: 'S1 回来后接受了 S5 的日志。一条已提交的条目丢失了：在“安全性”面板里可以看到出在哪里。这正是 Raft 禁止这条规则的原因（§5.4.2）。',
    },
    figure8: {
      title: '图 8：提交规则',
      s5Wins:
        'S1 崩溃了。S5 最后一条日志的任期是 3，它请求投票并胜出：在 S2、S3、S4 看来，它的日志至少和自己的一样新。',
      count:
        '尽管多数服务器持有索引 2，S1 也不提交它：领导者只能通过提交一条自己任期的新条目，来连带提交更早任期的条目（§5.4.2）。',
      overwrite:
        'S5 写入一条任期 5 的条目并复制自己的日志：它任期 3 的索引 2 取代了那条未提交的任期 2 条目。没有任何已提交的内容丢失。',
      end: 'S1 回来后接受了 S5 的日志。没有任何安全性被破坏。',
    },
    noop: {
      title: '新领导者为何要追加空操作',
      logs: '每台服务器都持有两条任期 1 的条目：Alice 的登录和她的写入，但谁都不知道它们是否已提交，因为任期 1 的领导者已经不在了。本次运行关闭了空操作。',
      stall:
        '新的领导者当选了。它不能靠数副本来提交任期 1 的条目（§5.4.2），而它又没有自己任期的条目：什么都提交不了，Alice 的状态在哪里都没有应用，读取她的状态也只能等待。',
      tryIt: '现在轮到你了。',
      taskGoal: '让集群动起来：让每台服务器都应用 Alice 的状态。',
      taskHint:
        '只要提交一条领导者自己任期的条目，它之前的所有条目就都随之提交。用另一个用户登录试试。',
      why: '这就是新领导者当选后立即追加一条自己任期的空条目的原因（§8）：之前的条目随它一起提交，不必等客户端来写。',
    },
    staleReads: {
      title: '过期读与线性一致读',
      start: 'Alice 写入“v1”；每台服务器都应用了它。',
      cut: '领导者与其他服务器断开了。另外四台选出新领导者；旧领导者仍以为自己在领导。',
      write: 'Alice 通过新领导者写入“v2”；它在多数派一侧得到提交。',
      reads:
        '两次读取 Alice 的状态，都发给了旧领导者。过期读立即按它已应用的内容作答：“v1”，一个旧值。线性一致读要先由多数服务器确认领导者的身份（ReadIndex，§6.4）；旧领导者得不到确认，客户端便换一台服务器，读到了“v2”。',
      heal: '网络恢复了；旧领导者下台并追上进度。',
      tryIt: '现在轮到你了。',
      taskGoal: '制造一次过期读：读到的状态比一个已确认写入的状态更旧。',
      taskHint: '把一台服务器隔离出去，在多数派一侧写入新状态，再向被隔离的服务器发一个过期读。',
    },
    exactlyOnce: {
      title: '恰好一次的写入：重试不会被应用两次',
      session:
        'Alice 登录了。她的会话为她的请求编号；每台服务器都记得为她应用过的最后一个编号，以及当时的回复。',
      write: 'Alice 写入“once”。领导者追加了它，并复制到多数服务器。',
      crash:
        '领导者还没来得及回复 Alice 就崩溃了。这次写入已在多数服务器的日志里，因此得以保留，但她的客户端无从知道。新的领导者当选了。',
      retry:
        'Alice 的客户端等待超时，用同一个编号再次发送这个请求。新领导者把它又记入日志一次；各服务器应用这份副本时，Alice 的会话表明这个编号已经应用过，于是跳过它，并返回保存的结果（§6.3）。',
      tryIt: '现在轮到你了。',
      taskGoal: '制造一次需要重试的写入，并确认它只被应用一次。',
      taskHint: '写入后立刻让领导者崩溃，赶在回复返回之前。',
    },
    sessions: {
      title: '会话：一个用户无法改动另一个用户的状态',
      register: 'Alice 登录了：第一次登录会用她密码的哈希注册她的用户名。然后她写入自己的状态。',
      bob: 'Bob 也这样做。每个用户都有自己的状态；一次写入总是写明它的用户，并通过该用户的会话进行。',
      wrongPassword:
        '有人用错误的密码尝试以 Alice 的身份登录。每台服务器对同一条日志条目执行同样的规则，全都拒绝了它。',
      noSession: 'Mallory 没有登录就写入。状态机拒绝了它：她的客户端没有会话。',
      tryIt: '现在轮到你了。',
      taskGoal:
        '试着在不知道密码的情况下改动 Alice 的状态。页面会检查你是否被拒绝、她的状态是否仍归她所有。',
      taskHint: '用猜的密码以 alice 登录，或者以一个从未登录过的用户写入。',
    },
  },
  // share: links, run files, the saved session, exports (src/ui/share)
  share: {
    title: '分享与保存',
    copyLink: '复制链接',
    linkLabel: '本次运行的链接',
    linkCopied: (at: string, chars: number) =>
      `链接已复制（${chars} 个字符）：打开后会停在 ${at} 处重现这次运行。`,
    linkReady: (at: string, chars: number) =>
      `此处无法使用剪贴板；请选中下面的链接（${chars} 个字符）手动复制。打开后会停在 ${at} 处重现这次运行。`,
    saveFile: '保存运行文件',
    openFile: '打开运行文件',
    fileSaved: (name: string) => `已保存 ${name}：可用“打开运行文件”在这里重新打开。`,
    fileOpened: (name: string, at: string) => `已打开 ${name}，暂停在 ${at}。`,
    badFile: (name: string, detail: string) => `未能打开“${name}”：${detail} 当前的运行没有改变。`,
    fileTooBig: (bytes: number, max: number) =>
      `文件有 ${bytes.toLocaleString('zh-CN')} 字节，而运行文件最多 ${max.toLocaleString('zh-CN')} 字节。`,
    fileUnreadable: (detail: string) => `浏览器无法读取该文件（${detail}）。`,
    badLink: (detail: string) => `无法打开这个链接里的运行：${detail}`,
    fallbackSaved: '已改为恢复上次保存的会话。',
    fallbackDefault: '已改为启动默认的运行。',
    badSession: (detail: string) => `无法恢复上次保存的会话：${detail} 已改为启动默认的运行。`,
    linkOpened: (at: string) => `已打开链接中的运行，暂停在 ${at}。`,
    sessionRestored: (at: string) => `已恢复你的会话，暂停在 ${at}。`,
    replayFailed: (detail: string) => `无法把这次运行重放到保存的时刻：${detail}`,
    sessionSaved: (at: string) => `会话已保存到 ${at}：重新加载页面即可回到这里。`,
    sessionFull: (kb: number) =>
      `会话（${kb.toLocaleString('zh-CN')} KB）已超出浏览器的存储空间，因此不再保存。请保存运行文件来留存它。`,
    sessionUnavailable: '此浏览器不允许页面存储数据，因此会话不会被保存。请保存运行文件来留存它。',
    exportTitle: '导出到幻灯片和笔记',
    ringSvg: '环形图（SVG）',
    ringPng: '环形图（PNG）',
    eventsText: '事件（文本）',
    historyText: '历史（文本）',
    exported: (name: string) => `已下载 ${name}。`,
    noRing: '页面上没有可导出的环形图。',
    pngFailed: (detail: string) => `无法生成 PNG：${detail}`,
    eventsHeader: (seed: number, at: string, count: number) =>
      `Raft Playground：种子 ${seed} 截至 ${at} 的事件（保留最近 ${count} 条），按时间先后排列`,
    historyHeader: (seed: number, at: string, count: number) =>
      `Raft Playground：种子 ${seed} 截至 ${at} 的客户端历史（${count} 个操作）`,
    nothingYet: '（暂无）',
    problems: {
      notObject: (path: string, got: string) =>
        `${path === '' ? '运行记录' : `“${path}”`}必须是 JSON 对象，实际是 ${got}。`,
      unknownField: (path: string) => `“${path}”不属于运行记录（拼写错误，或是其他程序写的？）。`,
      missing: (path: string) => `缺少“${path}”。`,
      notInteger: (path: string, min: number, max: number, got: string) =>
        `“${path}”必须是 ${min} 到 ${max} 之间的整数，实际是 ${got}。`,
      notNumber: (path: string, min: number, max: number, got: string) =>
        `“${path}”必须是 ${min} 到 ${max} 之间的数，实际是 ${got}。`,
      notBoolean: (path: string, got: string) => `“${path}”必须是 true 或 false，实际是 ${got}。`,
      notString: (path: string, got: string) => `“${path}”必须是文本，实际是 ${got}。`,
      notArray: (path: string, got: string) => `“${path}”必须是列表，实际是 ${got}。`,
      tooMany: (path: string, count: number, max: number) =>
        `“${path}”有 ${count.toLocaleString('zh-CN')} 项，最多允许 ${max.toLocaleString('zh-CN')} 项。`,
      notRange: (path: string, got: string) =>
        `“${path}”必须是两个以毫秒计的整数，小的在前，实际是 ${got}。`,
      tooDeep: (path: string, max: number) => `“${path}”的嵌套超过了 ${max} 层。`,
      notJsonValue: (path: string) => `“${path}”不是普通的 JSON 值。`,
      commandTooLong: (path: string, chars: number, max: number) =>
        `“${path}”写成 JSON 有 ${chars} 个字符，而一条命令最多 ${max} 个字符。`,
      heartbeatTooLong: (heartbeatMs: number, electionMs: number) =>
        `每 ${heartbeatMs} 毫秒一次心跳并不短于最短的选举超时（${electionMs} 毫秒）：领导者正常时跟随者也会超时（Raft §5.2）。`,
      unknownBug: (path: string, got: string, known: string) =>
        `“${path}”是 ${got}，这不是教学用的错误；可选的错误有 ${known}。`,
      repeated: (path: string, got: string) => `“${path}”重复了 ${got}。`,
      termsGoDown: (path: string) =>
        `“${path}”的任期比前一条日志低；日志中的任期从不下降（Raft §5.3）。`,
      notOnPage: (path: string, kind: string) =>
        `“${path}”是 ${kind} 操作，只有无界面模拟器能运行它，页面无法重放。`,
      twoSides: (path: string) => `“${path}”把同一台服务器放在了分区的两边。`,
      unknownKind: (path: string, got: string) => `“${path}”是 ${got}，这不是一种操作。`,
      newerVersion: (version: number, ours: number) =>
        `它由更新版本的 Raft Playground 保存（格式 ${version}）；本页面较旧，只能读取格式 ${ours}。请用新版页面打开。`,
      wrongVersion: (got: string, ours: number) =>
        `“version”是 ${got}；本页面读取的是格式 ${ours}。`,
      outOfOrder: (path: string) => `“${path}”发生在它上面那条操作之前；操作必须按时间顺序排列。`,
      badInput: (path: string, detail: string) => `“${path}”无法执行：${detail}`,
      tooBig: (chars: number, max: number) =>
        `它有 ${chars.toLocaleString('zh-CN')} 个字符，而一次运行最多 ${max.toLocaleString('zh-CN')} 个字符。`,
      empty: () => '内容是空的。',
      notJson: (detail: string) => `它不是有效的 JSON，可能被截断了（${detail}）。`,
      notRunFile: (format: string) =>
        `这不是 Raft Playground 的运行文件：运行文件以 "format": "${format}" 开头。`,
      linkTooLong: (chars: number, max: number) =>
        `其中的运行有 ${chars.toLocaleString('zh-CN')} 个字符，最多只读取 ${max.toLocaleString('zh-CN')} 个。`,
      notBase64: () =>
        '“#run=”后面的文字不是运行记录：其中有复制的链接中不会出现的字符，或者是空的。',
      notDeflate: () => '“#run=”后面的文字无法解压：链接很可能在复制时被截断了。',
      unpacksTooBig: (max: number) =>
        `其中的运行解压后超过 ${max.toLocaleString('zh-CN')} 个字符。`,
    },
  },
};
