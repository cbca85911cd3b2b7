import type { LinkHolds, Messages, ProblemParams } from '../messages.ts';

/**
 * Simplified Chinese, in the words of Chinese Raft textbooks: 领导者, 跟随者,
 * 候选人, 任期, 日志, 提交, 心跳, 选举超时, 快照. Server names (S1..S9), the
 * paper's field names (commitIndex, nextIndex) and protocol message names
 * (AppendEntries, RequestVote) stay as the paper writes them.
 */
export const meta = { code: 'zh', name: '简体中文' };

/** Lower layers' refusals by code (src/app/problem.ts); a value like "alice" comes quoted. */
const ERRORS: Readonly<Record<string, (p: ProblemParams) => string>> = {
  // Membership changes (dissertation §4.1), named in src/ui/errorText.ts.
  'member-already': (p) => `${p.node} 已在集群中。`,
  'not-learner': (p) => `${p.node} 不是等待加入的学习者。`,
  'not-member': (p) => `${p.node} 不在集群中。`,
  'last-voter': (p) => `${p.node} 是最后一个投票成员；集群至少需要一个。`,
  'change-pending': () => '上一次成员变更尚未提交：成员变更每次只能进行一个。',
  'change-new-leader': (p) =>
    `${p.node} 刚成为 Leader，本任期还没有已提交的条目：等它的第一条条目提交后再变更成员。`,
  'no-leader-change': () => '现在没有 Leader 可以发起成员变更，请等选出 Leader。',
  'user-name-empty': (p) =>
    `请输入用户名：${p.min} 到 ${p.max} 个字符，只能用 a-z、0-9、"_" 和 "-"。`,
  'user-name-long': (p) => `用户名 ${p.user} 有 ${p.length} 个字符，上限是 ${p.max}。`,
  'user-name-char': (p) =>
    `用户名 ${p.user} 含有 ${p.char}；只能用小写字母 a-z、数字 0-9、"_" 和 "-"（只允许小写，这样 "Alice" 和 "alice" 不会成为两个用户）。`,
  'state-long': (p) => `状态有 ${p.length} 个字符，上限是 ${p.max}。`,
  'client-id-length': (p) => `客户端 ID 应为 1 到 ${p.max} 个字符，实际为 ${p.length} 个。`,
  'client-id-char': (p) =>
    `客户端 ID ${p.clientId} 含有 ${p.char}；只能用 A-Z、a-z、0-9、"_"、"."、":" 和 "-"。`,
  'password-empty': () => '请输入密码。',
  'password-long': (p) => `密码有 ${p.length} 个字符，上限是 ${p.max}。`,
  'not-hashed': () => '登录请求携带的是密码的 SHA-256 摘要，而不是密码本身。',
  'queue-full': (p) => `客户端 ${p.client} 已有 ${p.max} 个操作在等待。`,
  'no-server': (p) => `没有服务器 S${p.id}；这个集群只有 S1..S${p.count}。`,
  'cannot-add': (p) => `服务器编号为 S1..S${p.max}；无法添加 S${p.id}。`,
  exists: (p) => `S${p.id} 已经存在。`,
  'transfer-self': (p) => `S${p.id} 不能把领导权移交给自己。`,
  'link-self': (p) => `链路连接两台不同的服务器；收到的是 S${p.id} 连向自己。`,
  'bad-rate': (p) =>
    `${p.name === 'drop' ? '丢包率' : '重复率'}必须是 0 到 1 之间的数；收到的是 ${p.rate}。`,
  'bad-command': () => '服务无法读取这条命令。',
  limit: () => '服务已达到上限（用户数或会话数）；请稍后再试，或以已有用户登录。',
  'bad-password': (p) =>
    `"${p.user}" 的密码错误。（一个名字第一次登录即完成注册，而这个名字已被占用。）`,
  'not-logged-in': () => '这个客户端尚未以该用户身份登录；请先登录。',
  'session-expired': (p) => `会话在 ${p.seconds} 秒没有请求后已过期；请重新登录。`,
  'stale-request': () => '这个请求编号已用过或已过时，因此没有执行。',
  'no-such-user': (p) => `还没有用户 "${p.user}"；用户在第一次登录时创建。`,
  'read-timeout': (p) => `${p.seconds} 秒内没有服务器回应这次读取。`,
  'write-timeout': (p) => `${p.seconds} 秒内没有回应：这次写入可能生效了，也可能没有。`,
  replaced: (p) => `索引 ${p.index} 处的条目被另一位领导者的条目替换了`,
  'lost-leadership': (p) => `${p.node} 在写入提交前失去了领导者身份`,
  // The safety checker's findings (src/check/safety.ts)
  'violation:append-only': (p) =>
    `S${p.id} 是任期 ${p.term} 的领导者，却从索引 ${p.index} 起删除或覆盖了自己的条目`,
  'violation:log-matching': (p) =>
    `S${p.id} 在索引 ${p.index} 处有任期 ${p.term} 的条目，但它之前的条目与另一个日志不同`,
  'violation:term-back': (p) => `S${p.id} 的 currentTerm 从 ${p.from} 倒退到了 ${p.to}`,
  'violation:commit-back': (p) => `S${p.id} 的 commitIndex 从 ${p.from} 倒退到了 ${p.to}`,
  'violation:snapshot': (p) => `S${p.id} 安装了截至 ${p.index} 的快照，超出了已提交的范围`,
  'violation:applied': (p) =>
    `S${p.id} 在索引 ${p.index} 处应用的条目（任期 ${p.term}）与另一台服务器应用的（任期 ${p.other}）不同`,
  'violation:durability': (p) =>
    `已提交的条目 ${p.index} 只保存在 ${p.voters} 台服务器中的 ${p.holders} 台上`,
  'violation:two-leaders': (p) => `S${p.id} 和 S${p.other} 都在任期 ${p.term} 当选为领导者`,
  'violation:incomplete': (p) =>
    `S${p.id} 在任期 ${p.term} 成为领导者，但缺少已提交的条目 ${p.index}`,
  'violation:committed': (p) => `S${p.id} 在索引 ${p.index} 处提交的条目与之前已提交的不同`,
  'violation:lacks': (p) =>
    `S${p.id} 是任期 ${p.term} 的领导者，却缺少在任期 ${p.committedTerm} 提交的条目 ${p.index}`,
};

/** What a link holds, named in a message about it. */
const HOLDS: Readonly<Record<LinkHolds, string>> = { run: '运行记录', lesson: '课程' };

export const messages: Messages = {
  // page: the document, the header, notices about the address and restarts
  page: {
    title: 'Raft 演练场',
    description: '观看 Raft 选出领导者、复制日志，再亲手把它弄坏。',
    heading: 'Raft 演练场',
    cluster: '集群',
    addressProblems: '地址中的问题',
    restarted: (seed, nodes) =>
      `选项已更改：运行已从时间 0 重新开始，种子 ${seed}，${nodes} 台服务器。`,
    badSeed: (raw, max, fallback) =>
      `地址中的种子“${raw}”不是 0 到 ${max} 之间的整数，因此改用种子 ${fallback}。`,
  },
  stage: {
    transport: '时间',
    details: '详情',
    showDetails: '显示详情',
    hideDetails: '隐藏详情',
    detailsTitle: '事件、历史、安全性、检查器、服务器、分享与选项，在舞台旁边',
    tabs: {
      events: '事件',
      history: '历史',
      safety: '安全性',
      inspector: '检查器',
      servers: '服务器',
      share: '分享',
      options: '选项',
      key: '图例',
      author: '课程编辑',
    },
    safetyBroken: (n) => `安全性：${n} 项被破坏`,
    entry: (index, term) => `条目 ${index}（任期 ${term}）`,
    heldBy: (names) => `由 ${names} 持有`,
    heldByNone: '没有服务器持有',
    committed: '已提交',
    notCommitted: '尚未提交',
    carrying: (names) => `正在发往 ${names}`,
    notCarried: '没有消息正在携带它',
    message: (kind, from, to) => `${kind} ${from} → ${to}`,
    carries: (first, last) =>
      first === last ? `携带条目 ${first}` : `携带条目 ${first} 到 ${last}`,
    carriesNone: '不携带条目',
    clearMark: '清除',
  },
  // roles: a server's status as the ring, tables and logs say it
  roles: {
    follower: '跟随者',
    precandidate: '预候选人',
    candidate: '候选人',
    leader: '领导者',
    crashed: '已崩溃',
  },
  // units: numbers with their units
  units: {
    ms: (n) => `${n} 毫秒`,
    percent: (n) => `${n}%`,
  },
  // controls: play, step, reset, speed
  controls: {
    toolbar: '模拟控制',
    play: '播放',
    pause: '暂停',
    step: '单步',
    stepTitle: '暂停，然后运行到下一个事件：计时器触发或消息到达',
    reset: '重置',
    resetTitle: '用同一个种子从时间 0 重新开始，磁盘清空',
    speed: '速度',
    speedTitle: '虚拟时间与真实时间之比；无论速度如何，运行结果都相同',
    speedMax: '最快',
  },
  // status: the status bar
  status: {
    time: '虚拟时间',
    leader: '领导者',
    none: '无',
    seed: '种子',
    workers: 'Worker 线程',
    workersTitle: '正在运行的 Web Worker，每台存活的服务器一个',
    starting: '启动中',
    inFlight: '传输中',
    inFlightTitle: '网络上正在传输的消息',
  },
  // legend: the key under the ring
  legend: {
    servers: '图例：服务器',
    messages: '图例：消息与链路',
    prevote: 'PreVote（空心）',
    vote: '投票 ✓ / ✗',
    heartbeat: '心跳',
    append: 'AppendEntries / 快照',
    reply: '回复',
    cutLink: '已切断的链路',
    oneWay: '单向切断：箭头指向仍然畅通的方向',
    timer: '选举计时器',
  },
  // ring: servers, links and messages on the ring, its menus and toolbar
  ring: {
    label: '集群环：服务器、链路和传输中的消息',
    node: (name, status, term) => `${name}，${status}，任期 ${term}`,
    cutOff: '，已被隔离',
    failed: (name, error) => `${name} 出错：${error}`,
    term: '任期',
    vote: ' · 投票 ',
    side: (side) => `${side} 侧`,
    hintBefore:
      '点击或轻触服务器或链路可查看操作；把一台服务器拖到另一台上，使它们处于分区的同一侧，拖到空白处则将其隔离。按',
    hintAfter: '查看键盘快捷键。',
    nodeActions: (name) => `${name} 的操作`,
    linkActions: (a, b) => `链路 ${a}–${b}`,
    linkUp: (a, b) => `链路 ${a}–${b}：双向畅通`,
    linkCut: (a, b) => `链路 ${a}–${b}：双向切断`,
    linkOneWay: (a, b, cutFrom, cutTo) =>
      `链路 ${a}–${b}：${cutFrom} → ${cutTo} 已切断，${cutTo} → ${cutFrom} 畅通`,
    flight: (label, from, to, duplicate) =>
      `${label} ${from} → ${to}${duplicate ? '（重复）' : ''}`,
    lost: (type, from, to) => `${type} ${from} → ${to} 已丢失`,
    flightVoteYes: '投票 ✓',
    flightVoteNo: '投票 ✗',
    flightHeartbeat: '心跳',
    flightAppend: (n) => `追加 ${n}`,
    flightOk: '成功',
    flightReject: '拒绝',
    flightSnapshot: '快照',
    toolbar: '集群视图',
    healAll: '修复所有链路',
    dark: '深色主题',
    presenter: '演示模式',
    shortcuts: '键盘快捷键',
  },
  // menu: a server's and a link's actions, and why one is not possible now
  menu: {
    crash: (name) => `让 ${name} 崩溃`,
    restart: (name) => `重启 ${name}`,
    timeout: (name) => `让 ${name} 立即超时`,
    isolate: (name) => `隔离 ${name}`,
    transfer: (name) => `把领导权移交给 ${name}`,
    move: (name, side) => `把 ${name} 移到 ${side} 侧`,
    isCrashed: (name) => `${name} 已崩溃`,
    alreadyLeads: (name) => `${name} 已经是领导者`,
    alreadyCutOff: (name) => `${name} 已被隔离`,
    noLeader: '当前没有领导者可以移交领导权',
    cutOneWay: (from, to) => `只切断 ${from} → ${to}`,
    cutBoth: '双向切断',
    heal: (a, b) => `修复 ${a} ↔ ${b}`,
    alreadyCut: '已经切断',
    linkWorks: '链路是畅通的',
  },
  // help: the keyboard shortcuts dialog
  help: {
    title: '键盘快捷键',
    keySpace: '空格',
    keyStep: '. 或 n',
    keyEsc: 'Esc',
    playPause: '播放或暂停',
    step: '单步运行到下一个事件',
    select: '选择服务器 S1 – S9',
    crash: '让选中的服务器崩溃',
    restart: '重启选中的服务器',
    timeout: '让选中的服务器立即超时',
    isolate: '隔离选中的服务器',
    transfer: '把领导权移交给选中的服务器',
    heal: '修复所有链路',
    back: '时间线：后退 500 毫秒',
    present: '时间线：回到现在',
    theme: '切换浅色和深色主题',
    presenter: '演示模式（大字体）',
    help: '显示或隐藏本帮助',
    close: '关闭菜单或本帮助',
    quiet: '在输入框中打字时快捷键不起作用。在触摸屏上，轻触服务器即可打开它的菜单。',
    closeButton: '关闭',
  },
  // timeline: scrubbing back in time, and forks
  timeline: {
    label: '时间线',
    of: (at, present) => `${at} / ${present}`,
    viewing: (at, present) => `正在查看 ${at}（共 ${present}）`,
    live: '实时',
    back: '回到现在',
    past: (at) =>
      `这是过去，由输入日志重新运行得到。在这里操作（崩溃、切断、播放或单步）会开启新的未来，并丢弃 ${at} 之后的操作。`,
    dismiss: '关闭',
    continued: (at) => `从 ${at} 继续：新的未来从这里开始。`,
    forked: (at, discarded) =>
      `已在 ${at} 分叉：新的未来从这里开始，旧未来中之后的 ${discarded} 个操作已被丢弃。`,
  },
  // network: loss, duplication, healing, partitions in words
  network: {
    legend: '网络',
    drop: '丢包率',
    duplicate: '重复率',
    heal: '修复网络',
    healTitle: '修复所有被切断的链路',
    list: (names) => names.join('、'),
    cutOff: (names) => `分区：${names} 被隔离`,
    partition: (groups) => `分区：${groups.map((g) => `{${g}}`).join(' | ')}`,
    oneWay: (n) => `无分区；${n} 条链路被单向切断`,
    whole: '无分区',
  },
  // servers: the table of servers and the propose button
  servers: {
    table: '服务器',
    server: '服务器',
    role: '角色',
    term: '任期',
    lastIndex: '最后日志索引',
    commitIndex: '提交索引',
    actions: '操作',
    cutOff: '（已被隔离）',
    crash: '崩溃',
    crashLabel: (name) => `让 ${name} 崩溃`,
    restart: '重启',
    restartLabel: (name) => `重启 ${name}`,
    isolate: '隔离',
    isolateLabel: (name) => `隔离 ${name}`,
    isolateTitle: '把这台服务器与其他服务器隔开（与已被隔离的服务器在一起）',
    propose: '提议',
    proposeTitle: '请领导者在它的日志中追加一条新命令',
    proposed: (command, name, index, term) =>
      `${command} 已交给 ${name}，位于索引 ${index}，任期 ${term}`,
    nothingProposed: '尚未提议任何命令',
  },
  // logs: the logs grid and its key
  logs: {
    title: '日志',
    key: '日志图例',
    committed: '已提交（实线边框）',
    uncommitted: '尚未提交（虚线）',
    nextIndex: '领导者的 nextIndex',
    matchIndex: '领导者的 matchIndex',
    differs: '与领导者不同',
    empty: '还没有日志条目。',
    grid: '日志：每台服务器一行，每个日志索引一列',
    server: '服务器',
    row: (name, status, term, commit, applied) =>
      `${name}，${status}，任期 ${term}，commitIndex ${commit}，lastApplied ${applied}`,
    nums: (term, commit, applied) => `t${term} c${commit} a${applied}`,
    cellAt: (name, index) => `${name} 索引 ${index}`,
    noEntry: '无条目',
    cellTerm: (term) => `任期 ${term}`,
    appliedMark: '已提交并已应用',
    committedMark: '已提交',
    notCommitted: '未提交',
    conflict: (term) => `与领导者不同，领导者此处为任期 ${term}`,
    extra: '领导者在此处没有条目',
    leaderNext: '领导者的 nextIndex',
    leaderMatch: '领导者的 matchIndex',
    join: (parts) => parts.join('，'),
  },
  // state: the per-user state each server applied
  state: {
    title: '状态',
    noLeader: '当前没有领导者：无从比较。',
    agree: (leader) => `所有服务器都与领导者 ${leader} 一致。`,
    differ: (n, leader) => `有 ${n} 个用户与领导者 ${leader} 不同（标记为 ≠）。`,
    showing: (shown, total) => `显示 ${total} 个用户中的前 ${shown} 个。`,
    caption: '每台服务器已应用的各用户状态',
    user: '用户',
    leaderTag: ' ★ 领导者',
    crashedTag: ' ✕ 已崩溃',
    noUsers: '还没有用户：用户在第一次登录时创建。',
    empty: '空',
    noSuchUser: '无此用户',
    notApplied: '尚未应用',
    unknown: '未知',
    differsFrom: (version) => `，与领导者不同，领导者的版本为 ${version}`,
    leaderHasNone: '，领导者没有这个用户',
  },
  // clients: the clients panel and how operations read
  clients: {
    title: '客户端',
    demo: '演示用户',
    demoLogin: (user) => `以演示用户 ${user} 登录`,
    userName: '用户名',
    password: '密码',
    logIn: '登录',
    newState: '新状态',
    setState: '设置状态',
    readUser: '读取用户',
    stale: '陈旧读',
    staleTitle: '由任意服务器按它已应用的状态作答：可能不是最新',
    readState: '读取状态',
    runAs: '操作以上面填写的用户身份执行。',
    none: '还没有操作。',
    table: '客户端操作，最新的在前',
    client: '客户端',
    operation: '操作',
    progressHead: '进度',
    result: '结果',
    askLogin: '登录',
    askSet: (state) => `把状态设为“${state}”`,
    askGet: (user, stale) =>
      `读取 ${user} 的状态，${stale ? '陈旧读（可能不是最新）' : '线性一致读'}`,
    progress: {
      queued: '排队中',
      sent: '已发送',
      redirected: '已转向领导者',
      retried: '已重试',
      done: '完成',
      failed: '失败',
      unknown: '未知',
      refused: '被拒绝',
    },
    outcomeUnknown: (reason) => `结果未知：它可能生效了，也可能没有。${reason}`.trim(),
    failed: '失败',
    loggedIn: '已登录',
    saved: (version) => `已保存为版本 ${version}`,
    read: (state, version) => `“${state}”（版本 ${version}）`,
  },
  // errors: what lower layers refuse (src/app/problem.ts), said from its code and values
  errors: {
    coded: (code, params, text) => {
      if (code.startsWith('client:')) {
        const inner = ERRORS[code.slice('client:'.length)];
        return inner ? `客户端 ${String(params.client)}：${inner(params)}` : text;
      }
      return ERRORS[code]?.(params) ?? text;
    },
  },
  // history: the clients' operations on a timeline, and the verdict
  history: {
    title: '历史',
    showing: (shown, total, aroundFailed) =>
      `显示 ${total} 个操作中的 ${shown} 个${aroundFailed ? '（无法排入顺序的那个操作附近）。' : '（最新的）。'}`,
    none: '还没有客户端操作。',
    svg: '各客户端的操作随虚拟时间的分布',
    client: (client) => `客户端 ${client}`,
    order: '最长的合法顺序',
    orderItem: (n, opId) => `${n}：操作 ${opId}`,
    cannotPlace: '✕ 无法排入',
    cannotPlaceNote: '；这个操作无法排入任何合法顺序',
    status: { ok: '成功', fail: '失败', info: '结果未知', pending: '进行中' },
    login: '登录',
    set: (state) => `设置“${state}”`,
    get: (user, stale) => `读取 ${user}${stale ? '（陈旧读）' : ''}`,
    failedResult: (error) => (error ? `失败：${error}` : '失败'),
    ok: '成功',
    registered: '成功，已注册',
    version: (v) => `v${v}`,
    invokedNoAnswer: (at) => `发起于 ${at}，没有回应`,
    fromTo: (from, to) => `从 ${from} 到 ${to}`,
    description: (id, client, what, status, when) =>
      `操作 ${id}，客户端 ${client}：${what}，${status}，${when}`,
    notChecked: '尚未检查。',
    linearizable: '✓ 线性一致：所有操作都能排入一个符合真实时间的顺序。',
    unknown: '? 未知：检查在得出结论前耗尽了时间或空间。',
    notLinearizable: '✕ 不是线性一致的：',
    cannotBePlaced: (id, client, n) =>
      `客户端 ${client} 的操作 ${id} 无法排在最长的合法顺序（${n} 个操作，已编号）之后。`,
    noOrder: '没有任何操作顺序同时符合真实时间和服务的规则。',
  },
  // inspector: a server's or a message's fields
  inspector: {
    title: '检查器',
    close: '关闭',
    pick: '点击一台服务器或一条消息，查看它的字段。',
    inspectServer: '检查一台服务器',
    inspect: (name) => `检查 ${name}`,
    inFlight: (n) => `传输中的消息（${n}）`,
    inFlightList: '传输中的消息',
    heading: (name, status, term) => `${name}，${status}，任期 ${term}`,
    stateOf: (name) => `${name} 的状态`,
    followers: '跟随者（nextIndex、matchIndex）',
    progress: '领导者对每个跟随者的复制进度',
    newest: '最新条目',
    newestOf: (name) => `${name} 的最新条目`,
    entry: (index, term) => `${index}（任期 ${term}）`,
    message: (type, from, to) => `${type}：${from} 发往 ${to}`,
    fieldsOf: (type) => `${type} 的字段`,
    role: '角色',
    crashedWas: (r) => `已崩溃（原为${r}）`,
    nobody: '无',
    emptyLog: '空',
    log: (_count, shown, last, term, runs) =>
      `${shown} 个条目，最后索引 ${last}（任期 ${term}）：${runs}`,
    run: (range, term) => `${range} 任期 ${term}`,
    moreRuns: (text, more) => `${text}，还有 ${more} 段`,
    progressValue: (next, match) => `nextIndex ${next}，matchIndex ${match}`,
    heartbeatEntries: '无（心跳）',
    yes: '是',
    no: '否',
    noop: 'no-op（新领导者的第一个条目）',
    client: (client, seq) => `（客户端 ${client} #${seq}）`,
  },
  // feed: the event feed, its filters, and every sentence it says
  feed: {
    title: '事件',
    none: '还没有可显示的事件。',
    list: '事件，最新的在前',
    goTo: (time) => `跳转到 ${time}`,
    show: '显示',
    byServer: '按服务器筛选',
    allServers: '所有服务器',
    kinds: {
      elections: '选举',
      replication: '复制',
      messages: '消息',
      faults: '故障',
      clients: '客户端',
    },
    entry: (index) => `条目 ${index}`,
    entries: (from, to) => `条目 ${from}–${to}`,
    term: (term) => `任期 ${term}`,
    lastTerm: (term) => `最后任期 ${term}`,
    terms: (first, last) => `任期 ${first}–${last}`,
    withTerms: (range, terms) => `${range}（${terms}）`,
    voteRequest: (preVote, term) => `任期 ${term} 的${preVote ? '预投票' : '投票'}请求`,
    voteReply: (preVote, granted, term) =>
      `任期 ${term} 的${granted ? '' : '拒绝'}${preVote ? '预投票' : '投票'}`,
    heartbeat: (term) => `一次心跳（任期 ${term}）`,
    success: (match) => `一个成功回复（匹配到 ${match}）`,
    rejection: (index) => `一个在索引 ${index} 处的拒绝`,
    timeoutNowMessage: (term) => `一个立即发起选举的请求（任期 ${term}）`,
    otherMessage: (type, term) => `${type}（任期 ${term}）`,
    asksPreVote: (from, to, term, index, lastTerm) =>
      `${from} 询问 ${to} 在任期 ${term} 是否会投票给它（预投票；最后日志条目 ${index}，任期 ${lastTerm}）`,
    asksVote: (from, to, term, index, lastTerm) =>
      `${from} 请求 ${to} 在任期 ${term} 投票给它（最后日志条目 ${index}，任期 ${lastTerm}）`,
    grants: (from, to, preVote, term) =>
      preVote
        ? `${from} 在任期 ${term} 同意给 ${to} 预投票`
        : `${from} 在任期 ${term} 把票投给 ${to}`,
    refuses: (from, to, preVote, term) =>
      `${from} 在任期 ${term} 拒绝给 ${to} ${preVote ? '预投票' : '投票'}`,
    sendsHeartbeat: (from, to, term, commit) =>
      `${from} 向 ${to} 发送心跳（任期 ${term}，leaderCommit ${commit}）`,
    sendsEntries: (from, to, what, prev) => `${from} 向 ${to} 发送索引 ${prev} 之后的${what}`,
    matches: (from, to, match) => `${from} 告诉 ${to}：它的日志匹配到 ${match}`,
    mismatch: (from, to, index, conflictTerm, at) =>
      `${from} 告诉 ${to}：它的日志在索引 ${index} 处不匹配` +
      (conflictTerm > 0
        ? `（它从索引 ${at} 起是任期 ${conflictTerm}）`
        : '（它的日志在此之前就结束了）'),
    sends: (from, to, what) => `${from} 向 ${to} 发送${what}`,
    wonPreVote: (node, term) => `${node} 赢得了预投票，在任期 ${term} 请求投票`,
    timedOut: (node, term) => `${node} 选举超时，在任期 ${term} 请求投票`,
    preVote: (node, term) => `${node} 选举超时，先询问自己能否赢得任期 ${term}（预投票）`,
    elected: (node, term) => `${node} 赢得了任期 ${term} 的选举`,
    electedWith: (node, term, votes) => `${node} 以 ${votes} 票赢得了任期 ${term} 的选举`,
    lostPreVote: (node, term) => `${node} 没有赢得预投票，在任期 ${term} 仍是跟随者`,
    steppedDown: (node, was, term) => `${node} 在任期 ${term} 从${was}退回跟随者`,
    newTerm: (node, term) => `${node} 得知了任期 ${term}`,
    voted: (node, candidate, term) => `${node} 在任期 ${term} 投票给 ${candidate}`,
    truncated: (node, from) => `${node} 删除了日志中从索引 ${from} 开始的条目`,
    overwrote: (node, from, what) => `${node} 从索引 ${from} 起用${what}覆盖了它的日志`,
    appended: (node, what) => `${node} 追加了${what}`,
    committed: (node, index) => `${node} 提交到了 ${index}`,
    applied: (node, index, term) => `${node} 把条目 ${index}（任期 ${term}）应用到了状态机`,
    received: (to, what, from) => `${to} 收到了 ${from} 发来的${what}`,
    lostInCrash: (type, from, to) => `${from} 发往 ${to} 的 ${type} 因 ${to} 崩溃而丢失`,
    down: (type, from, to) => `${from} 无法向 ${to} 发送 ${type}：${to} 已宕机`,
    lost: (type, from, to) => `网络丢失了 ${from} 发往 ${to} 的 ${type}`,
    cutAtSender: (type, from, to) => `${from} 无法向 ${to} 发送 ${type}（链路已切断）`,
    cutAtReceiver: (type, from, to) => `${to} 丢弃了 ${from} 发来的 ${type}（链路已切断）`,
    cut: (type, from, to) => `${from} 发往 ${to} 的 ${type} 被丢弃（链路已切断）`,
    crashed: (node) => `${node} 崩溃了`,
    restarted: (node) => `${node} 重启，并从磁盘读取了它的任期、投票和日志`,
    toldToTimeOut: (node) => `${node} 被要求立即超时`,
    transfer: (node, target) => `${node} 被要求把领导权移交给 ${target}`,
    proposed: (node) => `一条命令被提议给 ${node}`,
    group: (names) => `{${names.join(', ')}}`,
    split: (groups) => `网络分裂为 ${groups.join(' 和 ')}`,
    healed: '所有链路都已修复',
    linkHealed: (from, to) => `从 ${from} 到 ${to} 的链路已修复`,
    linkCut: (from, to) => `从 ${from} 到 ${to} 的链路已切断`,
    rate: (which, percent) => `${which === 'drop' ? '丢包率' : '重复率'}设为 ${percent}%`,
    asksSet: (client, state) => `客户端 ${client} 请求把它的状态设为“${state}”`,
    asksGet: (client, user, stale) =>
      `客户端 ${client} 请求读取${user === null ? '某个用户' : ` ${user} `}的状态${stale ? '（陈旧读）' : ''}`,
    asksLogin: (client) => `客户端 ${client} 请求登录`,
    requestOps: { login: '登录', setState: '设置状态', getState: '读取状态' },
    request: (node, op, client, user) =>
      `${node} 收到${client === null ? '' : `客户端 ${client} 的`}关于 ${user} 的${op}请求`,
    toRequest: (id) => `请求 ${id}`,
    toClient: (client) => `客户端 ${client}`,
    answered: (node, to, detail) => `${node} 回复${to}：${detail}`,
    refused: (node, to, detail) => `${node} 拒绝了${to}：${detail}`,
    tryAnother: (node, to) => `${node} 不是领导者，让${to} 去试另一台服务器`,
    redirect: (node, to, leader) => `${node} 不是领导者，让${to} 转向 ${leader}`,
    unknown: (node, to, reason) => `${node} 无法告诉${to} 它的写入是否生效：${reason}`,
    loggedInAs: (user) => `已作为 ${user} 登录`,
    nowAt: (user, version) => `${user} 现在是版本 ${version}`,
    has: (user, state, version) => `${user} 的状态为“${state}”（版本 ${version}）`,
  },
  // safety: the safety badges
  safety: {
    title: '安全性',
    allHold: (n) => `全部 ${n} 条性质都成立。`,
    violatedCount: (broken, n) => `${n} 条性质中有 ${broken} 条被违反。`,
    violated: '被违反',
    holds: '成立',
    more: (n) => `（另有 ${n} 处）`,
    show: (place) => `查看 ${place}`,
    and: (names) =>
      names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join('、')} 和 ${names.at(-1)}`,
    entry: (index) => `条目 ${index}`,
    at: (time) => `于 ${time}`,
    place: (parts) => parts.join('，'),
    announce: (property, detail) => `安全性被违反：${property}。${detail}。`,
    names: {
      'Election Safety': '选举安全性',
      'Leader Append-Only': '领导者只追加',
      'Log Matching': '日志匹配',
      'Leader Completeness': '领导者完整性',
      'State Machine Safety': '状态机安全性',
      'Term Monotonicity': '任期单调性',
      'Commit Monotonicity': '提交单调性',
      'Committed Entry Durability': '已提交条目的持久性',
    },
    promises: {
      'Election Safety': '在一个给定的任期内，最多只能选出一个领导者。',
      'Leader Append-Only': '领导者从不覆盖或删除自己日志中的条目，只追加新条目。',
      'Log Matching':
        '如果两个日志在某个索引处的条目任期相同，那么这两个日志从头到该索引的所有条目都完全相同。',
      'Leader Completeness':
        '如果一个条目在某个任期内被提交，那么它一定出现在所有更高任期的领导者的日志中。',
      'State Machine Safety':
        '如果一台服务器已把某个索引处的条目应用到状态机，其他服务器绝不会在该索引处应用不同的条目。',
      'Term Monotonicity': '服务器的 currentTerm 从不后退。',
      'Commit Monotonicity': '服务器的 commitIndex 从不后退。',
      'Committed Entry Durability': '已提交的条目始终保存在多数服务器上。',
    },
  },
  // options: the options panel
  options: {
    title: '选项',
    summary: (servers, bug) =>
      `，${servers} 台服务器${bug ? '，已开启一个教学用错误' : ''}。应用后运行会从时间 0 重新开始。`,
    seed: '种子',
    cluster: '集群',
    size: '集群规模',
    servers: (n) => `${n} 台服务器`,
    timing: '时间',
    electionFrom: '选举超时下限',
    electionTo: '选举超时上限',
    heartbeat: '心跳间隔',
    latencyFrom: '延迟下限',
    latencyTo: '延迟上限',
    faults: '初始故障',
    lost: '消息丢失',
    duplicated: '消息重复',
    raft: 'Raft',
    noop: '当选后追加 no-op 条目（§8）',
    preVote: 'PreVote 预投票（§9.6）',
    checkQuorum: 'CheckQuorum（§6.2）',
    lease: '租约读（§6.4.1）',
    snapshot: '快照间隔',
    ms: '毫秒',
    snapshotUnit: '个条目，0 表示从不',
    bugs: '教学用错误',
    bug: {
      commitOldTermByCount: '错误：通过统计副本数提交更早任期的条目（违反 §5.4.2，图 8）',
      voteWithoutLogCheck: '错误：投票时不检查候选人的日志是否足够新（违反 §5.4.1）',
    },
    apply: '应用选项',
    newSeed: '新种子',
    what: {
      'cluster size': '集群规模',
      'election timeout': '选举超时',
      'heartbeat interval': '心跳间隔',
      latency: '延迟',
      'drop rate': '丢包率',
      'duplicate rate': '重复率',
      'snapshot interval': '快照间隔',
    },
    notInteger: (what, value, min, max, fallback) =>
      `地址中的${what}“${value}”不是 ${min} 到 ${max} 之间的整数，因此使用 ${fallback}。`,
    notRange: (what, value, min, max, fallback) =>
      `地址中的${what}“${value}”不是 ${min} 到 ${max} 之内、形如“${fallback}”的毫秒范围，因此使用 ${fallback} 毫秒。`,
    notFraction: (what, value) => `地址中的${what}“${value}”不是 0 到 1 之间的小数，因此使用 0。`,
    notFlag: (key, value, on) =>
      `地址中的“${key}=${value}”既不是 1（开）也不是 0（关），因此保持${on ? '开启' : '关闭'}。`,
    noBug: (name, bugs) => `没有名为“${name}”的教学用错误；可用的是 ${bugs.join(' 和 ')}。`,
    heartbeatTooLong: (heartbeat, election, fixed) =>
      `每 ${heartbeat} 毫秒一次心跳并不比最短的选举超时（${election} 毫秒）短，领导者正常时跟随者也会超时；因此使用 ${fixed} 毫秒。`,
  },
  // notices: what the store says about the last action
  notices: {
    paused: (property, at) =>
      `已暂停：${property ?? '一条安全性质'}在 ${at} 被违反。涉及的服务器和条目见“安全性”面板。`,
    couldNotStart: (error) => `服务器无法启动：${error}`,
    noLeader: '还没有领导者，没有人可以接收提议。请先让集群选出一个领导者。',
    lostLeadership: (name) => `${name} 在收到提议前已不再是领导者；请重试。`,
  },
  language: {
    label: '语言',
  },
  // beyond: Raft beyond §5 (snapshots, membership) on the page
  beyond: {
    cellCompacted: '已压缩进快照',
    cellSnapshotLast: (term: number) => `快照的最后一条，任期 ${term}`,
    rowSnapshot: (index: number, term: number) => `快照截至 ${index}，任期 ${term}`,
    numsSnapshot: (index: number) => ` s${index}`,
    snapshotMark: 'S',
    configMembers: (voters: string, learners: string) =>
      learners === '' ? `投票成员 ${voters}` : `投票成员 ${voters}，学习者 ${learners}`,
    configCommand: (members: string) => `配置：${members}`,
    snapshotField: '快照',
    snapshotValue: (index: number, term: number) => `截至索引 ${index}，任期 ${term}`,
    configField: '配置',
    noSnapshot: '无',
    snapshotMessage: (index: number, term: number) => `它截至索引 ${index}（任期 ${term}）的快照`,
    sendsSnapshot: (from: string, to: string, index: number, term: number) =>
      `${from} 把截至索引 ${index}（任期 ${term}）的快照发给 ${to}：${to} 缺少的条目已被 ${from} 压缩掉了（§7）`,
    tookSnapshot: (node: string, index: number, term: number) =>
      `${node} 为状态机做了截至索引 ${index}（任期 ${term}）的快照，并从日志中删去这些条目（§7）`,
    installedSnapshot: (node: string, index: number, term: number) =>
      `${node} 安装了 Leader 截至索引 ${index}（任期 ${term}）的快照，取代自己的日志（§7）`,
    addServerAsked: (node: string) =>
      `${node} 已启动，并请 Leader 把它加入集群：先作为学习者（§4.1）`,
    removeServerAsked: (node: string) => `请 Leader 把 ${node} 移出集群`,
    configAppended: (leader: string, voters: string, learners: string) =>
      learners === ''
        ? `${leader} 追加了新配置，投票成员 ${voters}：配置一写入日志就生效（§4.1）`
        : `${leader} 追加了新配置，投票成员 ${voters}，学习者 ${learners}：配置一写入日志就生效（§4.1）`,
    answeredFromLease: (node: string, to: string, detail: string) =>
      `${node} 凭租约直接回答了 ${to}，没有发一轮心跳确认（§6.4.1）：${detail}`,
    lostQuorum: (node: string, term: number) =>
      `${node} 在任期 ${term} 退位：它在一个选举超时内没有收到多数派的回应（CheckQuorum）`,
    leftConfig: (node: string, term: number) =>
      `${node} 在任期 ${term} 退位：它已不在集群配置中（§4.2.2）`,
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
    // ui: the lessons menu and panel (src/ui/lessons/*.tsx)
    ui: {
      menu: '课程',
      menuTitle: '引导式课程：带讲解的简短运行，会在协议做出关键动作的地方暂停',
      library: '课程列表',
      openScenario: '场景',
      openFile: '打开课程文件…',
      openFileTitle: '从这台电脑打开一个写成 JSON 文件（raft-playground-lesson）的课程',
      openScenarioLabel: (title) => `把“${title}”的场景作为普通运行打开`,
      panel: '课程',
      stepOf: (k, n) => `第 ${k} 步，共 ${n} 步`,
      next: '下一步',
      back: '上一步',
      close: '关闭课程',
      opening: '正在打开课程的运行……',
      running: '正在运行到这一步的关键时刻……',
      waiting: '在这一步的关键时刻之前暂停了：按“播放”继续。',
      paused: (at) => `已在 ${at} 暂停。按“下一步”继续。`,
      last: (at) => `已在 ${at} 暂停。这是最后一步：学完后关闭课程即可，运行会保持原样。`,
      missed: (at) =>
        `到 ${at} 为止，这一步等待的时刻没有出现：这次运行走向了别处，可能是因为你做了某些操作。按“上一步”按课程原本的方式重新运行上一步，再按“下一步”。`,
      tryIt: '现在轮到你了',
      hint: '提示',
      hideHint: '隐藏提示',
      taskDone: '完成了：页面看到你做到了。',
      lookAt: (parts) => `舞台上标出了：${parts}。`,
      lookLink: (a, b) => `${a}–${b} 之间的链路`,
      lookEntry: (index) => `每个日志中的第 ${index} 条`,
      lookEntryOn: (index, server) => `${server} 的第 ${index} 条`,
      opened: (title) => `已打开课程：“${title}”。`,
      backTo: (k) => `回到第 ${k} 步：运行已重放到这一步开始的地方。`,
      scenarioOpened: (title, at) => `已打开“${title}”的场景，停在 ${at}。`,
      unknown: (id, ids) => `没有名为“${id}”的课程。现有的课程是：${ids.join('、')}。`,
      violated: (property, at) =>
        `${property ?? '一条安全性质'}在 ${at} 被违反；违反之处见“安全性”面板。课程会继续运行到它的关键时刻。`,
    },
    // author: writing a lesson on a recorded run (src/ui/lessons/author.ts, LessonEditor.tsx)
    author: {
      title: '编写课程',
      intro:
        '像平常一样运行演示（让服务器崩溃、切断链路、提交、登录）：每个操作都会被记录。然后用这次运行新建课程，沿时间线移动，在任意时刻或事件处放下一个步骤。',
      fromRun: '用这次运行新建课程',
      fromTaken: '编辑正在学习的课程',
      fromFile: '编辑课程文件',
      lessonTitle: (language) => `标题（${language}）`,
      id: 'ID（字母、数字、- 和 _）',
      recorded: (seed, actions, endMs) =>
        `录制的运行：种子 ${seed}，${actions} 个操作，到 ${endMs}。`,
      takeRun: '使用当前显示的运行',
      openRun: '打开录制的运行',
      tookRun: (actions) =>
        `草稿现在使用当前显示的运行（${actions} 个操作）；各步骤仍在原来的时刻。`,
      notTheRun:
        '当前显示的运行不是草稿录制的运行（种子、选项或操作不同）：按“使用当前显示的运行”录制这一次，或按“打开录制的运行”。',
      notRunning: '运行还在启动，请等它开始运行。',
      addTitle: (at) => `在 ${at}（当前显示的时刻）添加步骤`,
      atInstant: '在此时刻添加步骤',
      event: '事件',
      atEvent: '在此事件添加步骤',
      added: (k, at) => `已添加第 ${k} 步：它停在 ${at}。`,
      steps: '步骤',
      noSteps: '还没有步骤：请在上面添加。',
      stepHead: (k, at) => `第 ${k} 步，在 ${at}`,
      pausesAtInstant: '停在这个时刻',
      pausesOn: (fact) => `停在：${fact}`,
      narration: (language) => `讲解（${language}）`,
      slack: '比录制时多等待的时间，毫秒（运行不同时）',
      highlightServers: '突出显示服务器',
      highlightLinks: '突出显示链路（从-到，用逗号分隔：1-2, 3-1）',
      highlightEntries: '突出显示日志条目（该步暂停时的日志）',
      noEntries: '该步暂停时日志为空。',
      entryChoice: (index, term, holders) => `第 ${index} 条，任期 ${term}（${holders}）`,
      badLinks: (text) => `“${text}”不是链路列表，应写成 1-2, 3-1 这样。`,
      task: '任务（“动手试试”）',
      noTask: '没有任务',
      goal: (language) => `目标（${language}）`,
      hint: (language) => `提示（${language}）`,
      remove: (k) => `删除第 ${k} 步`,
      removed: (k) => `已删除第 ${k} 步。`,
      goToPause: (k) => `转到第 ${k} 步的时刻`,
      wentToPause: (k, at) =>
        `已打开录制的运行，停在第 ${k} 步的暂停时刻（${at}）。请自己完成任务，然后点击“把我刚才的操作作为答案”。`,
      useSolution: '把我刚才的操作作为答案',
      solutionTaken: (k, actions) => `第 ${k} 步的答案：暂停之后所做的 ${actions} 个操作。`,
      solutionNotFromPause: (k, atMs) =>
        `当前显示的运行不是从第 ${k} 步的暂停时刻（${atMs} 毫秒）继续的：请点击“转到第 ${k} 步的时刻”，完成任务，再把所做的操作作为答案。`,
      solutionNothing: (k, atMs) =>
        `第 ${k} 步的暂停时刻（${atMs} 毫秒）之后还没有任何操作：请先在页面上完成任务（崩溃、断开、提议、登录……），再点击一次。`,
      solutionTooLong: (groups, inputs) =>
        `超出了答案能容纳的范围：最多在 ${groups} 个时刻有操作，每个时刻最多 ${inputs} 个。请回到该步的暂停时刻，用更少的操作完成。`,
      solutionActions: (actions) => `答案：${actions} 个操作。`,
      taskSolved: (at) => `答案能完成任务：页面在 ${at} 看到任务完成。`,
      taskUnsolved: (at) => `答案不能完成任务：到 ${at} 页面仍未看到任务完成。`,
      taskDoneBefore: '该步暂停时任务就已经完成，学生还什么都没做：请换一个任务，或换一个步骤。',
      taskNoSolution: '还没有答案：请转到该步的暂停时刻，自己完成任务，再把所做的操作作为答案。',
      taskLine: (k, verdict) => `第 ${k} 步的任务：${verdict}`,
      moveUp: (k) => `将第 ${k} 步上移`,
      moveDown: (k) => `将第 ${k} 步下移`,
      moved: (from, to) =>
        `第 ${from} 步的讲解、突出显示和任务现在属于第 ${to} 步；各步的暂停时刻仍按运行的时间顺序不变。`,
      params: {
        server: '服务器',
        term: '任期',
        elected: '在本步开始后当选',
        role: '角色',
        to: '目标服务器',
        from: '来源服务器',
        in: '按谁的日志',
        index: '日志索引',
        write: '写入（用户:状态）',
        count: '持有它的服务器数（数字或 majority）',
        atLeast: '至少',
        user: '用户',
        state: '状态',
        earlier: '在更早的时刻得到回答',
        property: '性质',
        asked: '读取方式',
        whileDown: '至少宕机的服务器数',
        codes: '拒绝代码（用逗号分隔）',
        kind: '操作',
        as: '身份',
      },
      any: '任意',
      allOf: (parts) => `全部满足（${parts}）`,
      anyOf: (parts) => `满足其一（${parts}）`,
      not: (part) => `不满足（${part}）`,
      allServers: '所有服务器',
      leaderNow: '当前的 Leader',
      stepLeader: '本步开始时的 Leader',
      preview: '以学生身份预览',
      download: '下载 .json',
      copyLink: '复制链接',
      linkLabel: '这节课程的链接',
      downloaded: (name) => `已保存 ${name}。`,
      linkCopied: (chars) => `课程链接已复制（${chars} 个字符）。`,
      linkReady: (chars) => `这里无法使用剪贴板；请选中链接（${chars} 个字符）并复制。`,
      notExported: (detail) => `课程还不能导出：${detail}`,
      drifted: '这些步骤不再停在你放下的位置（之前的修改移动了它们）：',
      driftLine: (k, expected, at, reached) =>
        reached
          ? `第 ${k} 步原在 ${expected}；现在停在 ${at}。`
          : `第 ${k} 步原在 ${expected}；它的事件不再发生，所以一直等到 ${at}。`,
      check: '用当前运行的种子和选项检查',
      checkNone: (seed) => `使用种子 ${seed} 和这些选项，每个步骤的关键时刻仍会到来。`,
      checkMissed: (seed) => `使用种子 ${seed} 和这些选项，这些步骤的关键时刻不再到来：`,
      missedLine: (k, what, at) =>
        `第 ${k} 步：“${what}”没有发生；该步骤会等到 ${at} 并提示错过了。`,
      checkProblem: (detail) => `课程无法用这些选项运行：${detail}`,
      discard: '关闭草稿',
      badInstant: (atMs, max) => `${atMs} 毫秒不是这次运行中的时刻（0 到 ${max} 毫秒）。`,
      notSeen: (fromMs, toMs) =>
        `该事件在上一步停下的时刻（${fromMs} 毫秒）到当前显示的时刻（${toMs} 毫秒）之间没有发生：请把时间线移到它发生之后，或换一个事件。`,
      eventFixed: (k) =>
        `第 ${k} 步停在一个事件上，它的时刻就是事件发生的时刻；请删除它，再在别处重新添加。`,
      loaded: (title, steps) => `已把“${title}”（${steps} 步）载入编辑器。`,
      facts: {
        leader: '有 Leader 在运行（指定服务器、指定任期、本步开始后当选）',
        role: '某个服务器处于这个角色',
        splitVote: '同一任期有两个候选人（选票分裂）',
        newTerm: '某个服务器进入新的任期',
        voteGranted: '某个服务器投票给另一个',
        up: '该服务器在运行',
        committed: '某个条目已提交',
        committedAll: '该服务器已提交它的全部日志',
        logHas: '某个日志含有一次写入',
        lastIndex: '该服务器的日志达到某个索引',
        state: '某个用户的状态已被应用',
        converged: '每个运行中的服务器日志相同且全部应用',
        answered: '每个客户端操作都已得到回答',
        violation: '某条安全性质被违反',
        staleRead: '一次读取返回了旧值',
        writeConfirmed: '在有服务器宕机时一次写入被确认',
        writeLost: '客户端放弃了一次丢失的写入',
        appliedOnce: '一次重试的写入只被应用一次',
        refused: '服务拒绝了一个操作',
        input: '做出了这类操作',
        snapshot: '生成了快照',
        behindSnapshot: '某个服务器落后于 Leader 的快照',
        linkUp: '某条链路是通的',
        member: '某个服务器是投票成员或学习者',
        voters: '配置中至少有这么多投票成员',
      },
    },
    // file: a lesson file's problems and the ways to open one (src/ui/lessons/validate.ts, open.ts)
    file: {
      notLesson: (format) => `这不是课程文件：课程文件以 "format": "${format}" 开头。`,
      newer: (version, ours) =>
        `它由更新版本的 Raft Playground 写成（课程格式 ${version}）；本页面只能读取课程格式 ${ours}。请用更新的页面打开它。`,
      wrongVersion: (got, ours) => `“version”是 ${got}；本页面读取课程格式 ${ours}。`,
      notObject: (path, got) =>
        `${path === '' ? '课程' : `“${path}”`}必须是 JSON 对象；它是 ${got}。`,
      unknownField: (path) => `“${path}”不是课程的一部分（拼错了，还是由别的程序写的？）。`,
      missing: (path) => `缺少“${path}”。`,
      notInteger: (path, min, max, got) =>
        `“${path}”必须是 ${min} 到 ${max} 之间的整数；它是 ${got}。`,
      notString: (path, got) => `“${path}”必须是文本；它是 ${got}。`,
      notArray: (path, got) => `“${path}”必须是列表；它是 ${got}。`,
      notBoolean: (path, got) => `“${path}”必须是 true 或 false；它是 ${got}。`,
      tooMany: (path, count, max) => `“${path}”有 ${count} 项；最多允许 ${max} 项。`,
      tooLong: (path, chars, max) => `“${path}”长 ${chars} 个字符；最多允许 ${max} 个。`,
      tooDeep: (path, max) => `“${path}”的条件嵌套超过 ${max} 层。`,
      notOneOf: (path, got, allowed) => `“${path}”是 ${got}；它必须是以下之一：${allowed}。`,
      noText: (path) => `“${path}”没有文本：请至少用一种语言写出。`,
      badLanguage: (path) => `“${path}”不是语言代码（例如 en 或 zh）。`,
      badId: (got) => `“id”是 ${got}；课程的 id 由 1 到 64 个字母、数字、- 或 _ 组成。`,
      badServer: (path, got, max) =>
        `“${path}”是 ${got}；它必须指明一台服务器（1 到 ${max}）、"leader" 或 "stepLeader"。`,
      notCondition: (path) => `“${path}”不是条件：它需要 "fact"，或 "all"、"any"、"not"。`,
      noParts: (path) => `“${path}”是空的；请至少列出一个条件。`,
      indexOrWrite: (path) => `“${path}”要用 "index" 或 "write" 之一指明它的日志条目。`,
      notLink: (path) => `“${path}”必须是两台服务器：起点和终点。`,
      noSteps: () => '这个课程没有步骤。',
      badRun: (detail) => `它的运行无法打开：${detail}`,
      badSolution: (path, detail) => `“${path}”无法执行：${detail}`,
      refused: (name, detail) => `课程“${name}”没有打开：${detail} 什么都没有改变。`,
      notFound: (name, status) =>
        `无法从页面旁边读取课程文件“${name}”（${status}）。什么都没有改变。`,
      badName: (name) =>
        `“${name}”不是页面旁边的课程文件，所以没有读取：请给出相对于页面的路径，例如 lessons/my-lesson.json（每一级文件夹名只用字母、数字、-、_ 和 .，并以 .json 结尾），不能是其他网站的地址。什么都没有改变。`,
      textTooLong: (chars, max) =>
        `它有 ${chars.toLocaleString('zh-CN')} 个字符，而一个课程最多 ${max.toLocaleString('zh-CN')} 个字符。`,
      badLink: (detail) => `无法打开这个链接里的课程：${detail}`,
      tooBig: (name, bytes, max) =>
        `课程“${name}”没有打开：它有 ${bytes} 字节；最多读取 ${max} 字节。什么都没有改变。`,
    },
  },
  // drift: the clock-drift options of lease reads (dissertation §6.4.1)
  drift: {
    bound: '租约读假定的最大时钟漂移',
    drift: '服务器实际的时钟漂移',
    unit: '%',
    boundName: '时钟漂移上限',
    driftName: '时钟漂移',
    notFraction: (what: string, value: string, max: number, fallback: number) =>
      `地址中的${what}“${value}”不是 0 到 ${max} 之间的小数，因此使用 ${fallback}。`,
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
      linkTooLong: (holds: LinkHolds, chars: number, max: number) =>
        `其中的${HOLDS[holds]}有 ${chars.toLocaleString('zh-CN')} 个字符，最多只读取 ${max.toLocaleString('zh-CN')} 个。`,
      notBase64: (holds: LinkHolds) =>
        `“#${holds}=”后面的文字不是${HOLDS[holds]}：其中有复制的链接中不会出现的字符，或者是空的。`,
      notDeflate: (holds: LinkHolds) =>
        `“#${holds}=”后面的文字无法解压：链接很可能在复制时被截断了。`,
      unpacksTooBig: (holds: LinkHolds, max: number) =>
        `其中的${HOLDS[holds]}解压后超过 ${max.toLocaleString('zh-CN')} 个字符。`,
      notRunOrLesson: (run: string, lesson: string) =>
        `它既不是运行文件也不是课程文件：这两种文件以 "format": "${run}" 或 "format": "${lesson}" 开头。`,
      dropTooBig: (bytes: number, max: number) =>
        `它有 ${bytes.toLocaleString('zh-CN')} 字节，而运行文件或课程文件最多 ${max.toLocaleString('zh-CN')} 字节。`,
    },
  },
  live: {
    watch: '观看真实集群',
    watchTitle: '显示本机上真实服务器组成的集群（npm run serve），而不是模拟',
    addressLabel: '其中一台服务器的地址',
    attach: '观看',
    cancel: '取消',
    detach: '回到模拟',
    watching: (url: string) => `正在观看 ${url} 的真实集群：真实的进程，真实的时间。`,
    notApplicable:
      '时间回溯、重放、单步、速度、种子、选项和课程不适用于真实集群：它的服务器按各自的时钟运行，没有可重放的记录。',
    lessonsOff: '课程（仅限模拟）',
    badAddress: (text: string) =>
      `“${text}”不是本机上服务器的地址：请填写 http://127.0.0.1:端口 或 http://localhost:端口，即 npm run serve 打印的地址。`,
    connecting: (url: string) => `正在连接 ${url}…`,
    unreachable: (url: string) =>
      `${url} 没有服务器应答。请用 npm run serve 启动集群，或检查端口；页面会继续重试。`,
    notAServer: (url: string) => `${url} 有应答，但不是 npm run serve 的服务器。`,
    serverDown: (names: string) => `没有应答：${names}。页面将其显示为宕机，并继续重试。`,
    noLauncher: '这个集群不是由 npm run serve 启动的，所以页面无法让它的进程崩溃或重启。',
    simulationOnly: '在真实集群上，页面可以崩溃、重启、切断和修复链路；这个操作只用于模拟。',
    noServer: '真实集群没有服务器应答；等有服务器恢复后再试。',
    logInFirst: (user: string) => `请先以 ${user} 登录。`,
    failed: (detail: string) => `真实集群拒绝了：${detail}`,
  },
};
