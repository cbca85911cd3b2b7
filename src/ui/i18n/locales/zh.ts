import type { Messages, ProblemParams } from '../messages.ts';

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
    compaction: {
      title: '日志压缩：快照与 InstallSnapshot',
      snapshots: (every: number) =>
        `在这次运行中，每台服务器每应用 ${every} 条日志条目就为状态做一次快照，并丢弃快照所涵盖的日志条目（§7）。Alice 登录并写入 ${every} 次：日志视图的开头现在是被压缩的前缀，快照只占一格。`,
      crash: (writes: number) =>
        `一个跟随者崩溃了。Alice 又写入了 ${writes} 次；领导者和其余三台服务器提交了这些写入，并再次压缩，压缩点越过了崩溃服务器日志的末尾：它缺少的条目已经没有任何服务器保存。`,
      install:
        '这个跟随者重启了。AppendEntries 帮不了它，因为它需要的条目已被丢弃；于是领导者发送 InstallSnapshot，跟随者用快照替换自己的状态，之后的条目照常接收（§7）。',
      tryIt: '现在轮到你了。',
      taskGoal:
        '让一个跟随者落后到只有快照才能追上：在它联系不上时，领导者的快照要越过它日志的末尾。',
      taskHint: (writes: number) =>
        `让一个跟随者崩溃或把它隔离，再让 Alice 写入 ${writes} 次以上。然后重启它或恢复网络，留意 InstallSnapshot。`,
    },
    membership: {
      title: '成员变更：添加与移除服务器',
      start: '五台服务器，Alice 的第一次写入已在所有服务器上提交。',
      learner:
        '第六台服务器以空日志启动。领导者先把它作为学习者（learner）加入：它接收日志但没有投票权，所以在它追赶期间，多数派仍是五台中的三台（§4.2.1）。',
      voter:
        '它已追上，领导者便追加一个新配置，使它成为投票成员：现在六台中的四台才构成多数派。每次只变更一台服务器，旧投票成员的任一多数派都与新投票成员的任一多数派相交，所以同一任期绝不会选出两个领导者（§4.1）。',
      removeLeader:
        '现在领导者把自己移出集群。它会一直领导到不含它的配置提交为止，然后下台，其余五台选出新的领导者（§4.2.2）。',
      tryIt: '现在轮到你了。',
      taskGoal: '把集群扩大到 7 个投票成员。',
      taskHint:
        '从成员变更菜单中添加服务器，每次一台：在前一次变更提交之前，领导者会拒绝下一次变更。',
    },
    disruption: {
      title: '重新加入的服务器会赶下健康的领导者',
      start: '这次运行关闭了 PreVote。Alice 的第一次写入已在五台服务器上提交。',
      cut: '一个跟随者被隔离，错过了 Alice 的下一次写入。收不到领导者的消息，它一次又一次超时，每次都以更高的任期成为候选人：它赢不了，任期却不断升高。',
      heal: '网络恢复了。重新加入的服务器更高的任期传到了领导者那里，领导者立即下台（§5.1），尽管它本身毫无问题。',
      elect:
        '集群在更高的任期选出了领导者，但不是重新加入的那台：它的日志缺少 Alice 的写入。集群白白经历了一段没有领导者的时间；下一课的 PreVote 可以避免这一点（§9.6）。',
      tryIt: '现在轮到你了。',
      taskGoal: '再次赶下领导者，但不要让它崩溃。',
      taskHint: '把一个跟随者隔离几秒钟，然后恢复网络。',
    },
    preVote: {
      title: 'PreVote：同样的故事，领导者留任',
      start: '同样的集群和种子，但开启了 PreVote。Alice 的第一次写入已在五台服务器上提交。',
      cut: '一个跟随者再次被隔离。现在它在提高任期之前，会先询问自己能否获胜（预投票）；没有人回应，所以它的任期保持不变。',
      heal: '网络恢复了。重新加入的服务器没有更高的任期去打扰任何人：它收到领导者的心跳，便跟随它。领导者和它的任期都没有变（§9.6）。',
      quietCut:
        '现在一个跟随者在没有任何写入时被隔离，所以它的日志和领导者的一样新。它一次又一次超时；每次都请求预投票，而这些请求都被隔离丢掉了。',
      quietHeal:
        '网络恰好在它又一次超时之前恢复，这次它的预投票请求送到了。只看日志，其他服务器本会同意；但它们在一个选举超时内收到过领导者的心跳，所以拒绝（§9.6）。随后一次心跳到达，它便跟随领导者：领导者和它的任期都没有变。',
      tryIt: '现在轮到你了。',
      taskGoal: 'PreVote 只阻止不必要的选举：在开启它的情况下，不让领导者崩溃，把它赶下台。',
      taskHint:
        '服务器一旦收不到领导者的消息，就会同意预投票。把领导者隔离，直到其他服务器选出新领导者，再恢复网络。',
    },
    checkQuorum: {
      title: 'CheckQuorum：被隔离的领导者主动下台',
      start: '这次运行开启了 CheckQuorum。Alice 的第一次写入已在五台服务器上提交。',
      cut: '领导者与其余服务器断开，其余服务器选出了新领导者。开启 CheckQuorum 后，领导者若在一个选举超时内没有收到多数派的消息，就会下台（博士论文 §6.2）。没有它时，正如过期读那一课，旧领导者会一直以为自己在领导。',
      heal: '网络恢复了，旧领导者跟随新的领导者。',
      deaf: '现在一个跟随者听不到领导者，其他跟随者仍能听到。这个跟随者超时后以更高的任期请求投票；其他服务器在一个选举超时内收到过领导者的消息，于是不理会它，领导者保住了位置。',
      tryIt: '现在轮到你了。',
      taskGoal: '让领导者下台，但既不能让它崩溃，也不能把它与所有服务器隔开。',
      taskHint: '领导者必须收到多数派（包括它自己）的消息。让它所在的一侧只有一个跟随者。',
    },
    transfer: {
      title: '领导权转移：有计划地交接',
      start: 'Alice 的第一次写入已在五台服务器上提交。',
      behind: '一个跟随者宕机期间，Alice 又写入了两次：它的日志落后了。',
      handOver:
        '它重启后，领导者被要求把领导权交给它（§3.10）。领导者停止接受写入，把它缺少的条目发给它，再发一条 TimeoutNow 消息：目标服务器不等计时器到时就立即参选，并因日志是最新的而获胜。',
      why: 'Alice 的下一次写入交给了新领导者。一次转移只需一轮投票，而不必等一个选举超时：适用于在维护前让领导者下线，或把领导权移到位置更好的服务器。',
      tryIt: '现在轮到你了。',
      taskGoal: '把领导权交给 S4。',
      taskHint: '在环上打开 S4 的菜单，选择把领导权转移给它。',
    },
    leaseReads: {
      title: '租约读，以及漂移过大的时钟',
      start: (slow: string) =>
        `这次运行开启了租约读，而且每台服务器的时钟各走各的速度，最多快或慢 50%。${slow} 的时钟最慢：我们让它成为领导者（立即超时），然后 Alice 写入“v1”。`,
      read: 'Bob 通过领导者读取 Alice 的状态。领导者不发一轮心跳，立即用自己的状态作答：它持有租约，即一段不可能选出其他领导者的时间，由它自己的时钟计算（§6.4.1）。',
      cut: '领导者被隔离。它的租约假定时钟漂移不超过一个上限，这里是 0；但它的时钟走得慢，按真实时间算，它的租约比其他服务器等待的时间更长。按它们自己更快的时钟，其他服务器很快就不再受它租约的约束。',
      elect: (fast: string) =>
        `时钟最快的 ${fast} 超时了（我们用“立即超时”催了它一下）并当选，而按旧领导者的时钟，它的租约仍然有效。`,
      write: 'Alice 通过新领导者写入“v2”；它在多数派一侧得到提交。',
      staleRead:
        'Bob 再次通过旧领导者读取。按它走得慢的时钟，租约仍然有效，于是它立即答以“v1”，尽管“v2”已经写入。Bob 并没有要求过期读，所以历史视图中的线性一致性检查器标出了这段历史。',
      heal: '网络恢复了，旧领导者下台。若漂移上限能涵盖这些时钟（在选项中设为 50%），它的租约就会及时结束，这次读取便会等待。',
      taskGoal: '抢在本课之前：让一次并未要求过期读的读取得到旧值“v1”。',
      taskHint:
        '在客户端面板中，把用户名填为 Bob，读取 Alice 的状态，不要勾选“陈旧读”。Bob 的客户端会去问它最后听说的领导者。',
    },
    // ui: the lessons menu and panel (src/ui/lessons/*.tsx)
    ui: {
      menu: '课程',
      menuTitle: '引导式课程：带讲解的简短运行，会在协议做出关键动作的地方暂停',
      library: '课程列表',
      openScenario: '场景',
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
      opened: (title) => `已打开课程：“${title}”。`,
      backTo: (k) => `回到第 ${k} 步：运行已重放到这一步开始的地方。`,
      scenarioOpened: (title, at) => `已打开“${title}”的场景，停在 ${at}。`,
      unknown: (id, ids) => `没有名为“${id}”的课程。现有的课程是：${ids.join('、')}。`,
      violated: (property, at) =>
        `${property ?? '一条安全性质'}在 ${at} 被违反；违反之处见“安全性”面板。课程会继续运行到它的关键时刻。`,
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
      linkTooLong: (chars: number, max: number) =>
        `其中的运行有 ${chars.toLocaleString('zh-CN')} 个字符，最多只读取 ${max.toLocaleString('zh-CN')} 个。`,
      notBase64: () =>
        '“#run=”后面的文字不是运行记录：其中有复制的链接中不会出现的字符，或者是空的。',
      notDeflate: () => '“#run=”后面的文字无法解压：链接很可能在复制时被截断了。',
      unpacksTooBig: (max: number) =>
        `其中的运行解压后超过 ${max.toLocaleString('zh-CN')} 个字符。`,
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
