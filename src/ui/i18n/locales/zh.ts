import type { Messages } from '../messages.ts';

/** Simplified Chinese. */
export const meta = { code: 'zh', name: '简体中文' };

export const messages: Messages = {
  language: {
    label: '语言',
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
