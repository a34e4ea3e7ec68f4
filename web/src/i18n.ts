// The page's own words in Chinese (the default) and English. The choice is kept in localStorage and follows
// ?lang=en|zh in the address, which wins. Names and reasons the service computes are shown as it sends them.

export type Lang = "zh" | "en";

const words = {
  "search.placeholder": ["搜索企业、产品，如 锂", "Search: enterprise, product"],
  "chain.label": ["产业链", "Chain"],
  "chain.placeholder": ["选择或搜索产业链、行业", "Pick or search a chain or industry"],
  "region.label": ["地区", "Region"],
  "region.placeholder": ["如 常州", "e.g. 常州"],
  "open-chain": ["打开产业链", "Open chain"],
  "open-chokepoints": ["卡脖子", "Chokepoints"],
  "open-chokepoints.title": ["排名靠前的卡脖子产品（大小 = 得分）", "The top chokepoints (size = score)"],
  "open-path": ["路径", "Path"],
  "open-path.title": ["先点击两个节点，再点“路径”：它们之间最短的供应路径", "Click two nodes, then Path: the shortest supply paths between them"],
  "colour-communities": ["社区", "Communities"],
  "colour-communities.title": ["按 Louvain 社区给当前视图的节点着色", "Colour the view's nodes by their Louvain community"],
  "open-centrality": ["核心节点", "PageRank"],
  "open-centrality.title": ["供应网络中 PageRank 最高的节点", "The top nodes of the supply network by PageRank"],
  "open-linkage": ["区域联系", "Linkage"],
  "open-linkage.title": ["“地区”框中的地区与另一地区或集群之间的联系", "How the region in the Region box is linked to another region or cluster"],
  "export-png.title": ["下载图片（PNG）", "Download the graph as PNG"],
  "export-json.title": ["下载视图（Cytoscape JSON）", "Download the view as Cytoscape JSON"],
  "export-csv.title": ["下载表格（CSV）", "Download the table as CSV"],
  "lang.switch": ["EN", "中文"],
  "lang.title": ["Switch to English", "切换到中文"],
  "tab.table": ["表格", "Table"],
  "tab.details": ["详情", "Details"],
  "connection.connecting": ["连接中", "connecting"],
  "connection.connected": ["已连接", "connected"],
  "connection.reconnecting": ["重新连接中", "reconnecting"],
  "connection.disconnected": ["已断开", "disconnected"],
  "status.missing": ["缺失", "missing"],
  "status.weak": ["薄弱", "weak"],
  "status.present": ["具备", "present"],
  "status.strong": ["优势", "strong"],
  "legend.upstream": ["上游环节", "upstream segment"],
  "legend.midstream": ["中游环节", "midstream segment"],
  "legend.downstream": ["下游环节", "downstream segment"],
  "legend.missing": ["本地区缺失", "missing in region"],
  "legend.weak": ["本地区薄弱", "weak in region"],
  "legend.present": ["具备", "present"],
  "legend.strong": ["优势", "strong"],
  "legend.local": ["本地企业", "local enterprise"],
  "legend.foreign": ["外资企业", "foreign enterprise"],
  "legend.chokepoint": ["卡脖子（大小 = 得分）", "chokepoint (size = score)"],
  "gaps.segment": ["环节", "segment"],
  "gaps.status": ["状态", "status"],
  "gaps.localNational": ["本地/全国", "local/national"],
  "gaps.candidate": ["候选企业", "candidate"],
  "gaps.score": ["得分", "score"],
  "gaps.why": ["理由", "why"],
  "chokepoints.rank": ["#", "#"],
  "chokepoints.name": ["名称", "name"],
  "chokepoints.makers": ["生产企业", "makers"],
  "chokepoints.hhi": ["HHI", "HHI"],
  "chokepoints.dominates": ["支配", "dominates"],
  "title.chokepoints": ["卡脖子", "Chokepoints"],
  "title.centrality": ["PageRank 核心节点", "PageRank"],
  "group.templates": ["产业链模板", "Chain templates"],
  "group.sector": ["{0}（战略性新兴产业）", "{0} (strategic emerging industry)"],
  "group.division": ["行业 · {0}", "Industry · {0}"],
  "chain.meta": ["{0} 个环节", "{0} segments"],
  "chain.metaIndustry": ["{0} 个环节 · {1} 家企业", "{0} segments · {1} enterprises"],
  "chain.noMatch": ["没有匹配的产业链或行业", "No chain or industry matches"],
  "chain.none": ["这份数据里没有可打开的产业链：既没有产业链模板，也没有拥有企业的行业。", "This data holds no chain to open: no chain templates, and no industry with enterprises."],
  "chain.pick": ["请先选择一个产业链或行业。", "Pick a chain or an industry first."],
  "search.none": ["没有结果", "No results"],
  "path.needTwo": ["先点击两个节点，再点“路径”。", "Click two nodes first, then Path."],
  "linkage.needRegion": ["先在“地区”框中输入一个地区。", "Type a region in the Region box first."],
  "linkage.prompt": ["{0} 与哪个地区或集群的联系？", "Link {0} with which region or cluster?"],
  "busy.open": ["正在打开 {0}…", "Opening {0}…"],
  "busy.chokepoints": ["正在计算卡脖子环节…", "Computing chokepoints…"],
  "busy.centrality": ["正在计算 PageRank…", "Computing PageRank…"],
  "busy.path": ["正在查找供应路径…", "Finding supply paths…"],
  "busy.linkage": ["正在分析区域联系…", "Analysing linkage…"],
  "busy.focus": ["正在打开节点…", "Opening the node…"],
  "busy.expand": ["正在展开…", "Expanding…"],
  "busy.communities": ["正在划分社区…", "Finding communities…"],
  "busy.gaps": ["正在分析补链缺口…", "Analysing the chain's gaps…"],
  "busy.loading": ["正在加载…", "Loading…"],
  "busy.elapsed": ["{0} 秒", "{0} s"],
  "error.title": ["出错了：", "Error:"],
  "error.unexpected": ["服务出现意外错误，请稍后重试。", "The service hit an unexpected error; try again in a moment."],
  "error.connection": ["与服务的连接已断开，正在重试…", "The connection to the service dropped; retrying…"],
  "error.start": ["无法连接到服务：{0}", "Cannot reach the service: {0}"],
  "key.needed": ["此 ChainGraph 需要 API 密钥：", "This ChainGraph needs an API key:"],
  "key.refused": ["此密钥无权执行该操作。请输入另一个 API 密钥：", "This key may not do that. Another API key:"],
  "message.close": ["关闭", "Close"],
  "details.neighbours": ["{0} 个邻居", "{0} neighbours"],
  "more": ["还有 {0} 个", "+{0} more"],
  "label.Enterprise": ["企业", "Enterprise"],
  "label.Product": ["产品", "Product"],
  "label.Segment": ["环节", "Segment"],
  "label.Chain": ["产业链", "Chain"],
  "label.Industry": ["行业", "Industry"],
  "label.Region": ["地区", "Region"],
  "label.Cluster": ["集群", "Cluster"],
  "label.InnovationCentre": ["创新平台", "Innovation centre"],
  "prop.name": ["名称", "name"],
  "prop.fullName": ["全称", "full name"],
  "prop.code": ["代码", "code"],
  "prop.country": ["国家", "country"],
  "prop.province": ["省份", "province"],
  "prop.city": ["城市", "city"],
  "prop.county": ["区县", "county"],
  "prop.tags": ["标签", "tags"],
  "prop.size": ["规模", "size"],
  "prop.stage": ["环节位置", "stage"],
  "prop.order": ["顺序", "order"],
  "prop.level": ["级别", "level"],
  "prop.kind": ["类型", "kind"],
  "prop.sector": ["战略性新兴产业", "sector"],
  "stage.upstream": ["上游", "upstream"],
  "stage.midstream": ["中游", "midstream"],
  "stage.downstream": ["下游", "downstream"],
} satisfies Record<string, [string, string]>;

export type Word = keyof typeof words;

const stored = "chaingraph-lang";
const asLang = (value: string | null | undefined): Lang | undefined => (value === "en" || value === "zh" ? value : undefined);

export let lang: Lang = asLang(new URLSearchParams(location.search).get("lang")) ?? asLang(localStorage.getItem(stored)) ?? "zh";

/** The page's word in the current language, with {0}, {1}… filled in. */
export function t(word: Word, ...args: (string | number)[]): string {
  const text = words[word][lang === "zh" ? 0 : 1];
  return text.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ""));
}

/** The word if the page has one for this key (a label, a property), else the key itself. */
export function tMaybe(prefix: string, key: string): string {
  const word = `${prefix}.${key}`;
  return word in words ? t(word as Word) : key;
}

/** Switches the language, remembers it and puts it in the address so a copied link keeps it. */
export function setLang(next: Lang) {
  lang = next;
  localStorage.setItem(stored, next);
  const url = new URL(location.href);
  url.searchParams.set("lang", next);
  history.replaceState(history.state, "", url);
  document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
}

/** Fills every element marked data-i18n (text), data-i18n-title and data-i18n-placeholder. */
export function translatePage() {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.querySelectorAll<HTMLElement>("[data-i18n]").forEach(e => (e.textContent = t(e.dataset.i18n as Word)));
  document.querySelectorAll<HTMLElement>("[data-i18n-title]").forEach(e => (e.title = t(e.dataset.i18nTitle as Word)));
  document.querySelectorAll<HTMLInputElement>("[data-i18n-placeholder]").forEach(e => (e.placeholder = t(e.dataset.i18nPlaceholder as Word)));
}
