// heraldo dashboard. Everything that comes from an article is untrusted: this file only ever puts
// it in the page with textContent or as an SVG attribute value; no innerHTML, no inline handlers,
// no links to anything but http(s) URLs. Offsets from the API count Unicode code points, so text
// is sliced with Array.from, never with String.slice.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const state = { offset: 0, limit: 50, total: 0, tab: "events" };

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === "class") node.className = v;
    else if (k === "title" || k.startsWith("data-")) node.setAttribute(k, v);
    else if (k === "onclick") node.addEventListener("click", v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

function safeUrl(url) {
  try {
    const u = new URL(url);
    return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null;
  } catch (e) { return null; }
}

function filters() {
  const out = {};
  for (const [k, v] of new FormData(document.getElementById("filters"))) if (String(v).trim()) out[k] = String(v).trim();
  return out;
}

async function api(path, params) {
  const qs = new URLSearchParams(params || {}).toString();
  const res = await fetch("/api/" + path + (qs ? "?" + qs : ""));
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    throw new Error(typeof body.detail === "string" ? body.detail : res.status + " " + res.statusText);
  }
  return res.json();
}

function showError(where, err) {
  where.replaceChildren(el("p", { class: "error" }, "Error: " + err.message));
}

// Text with highlighted spans: spans are [start, end, class] in code points relative to `text`.
function highlighted(text, spans) {
  const cps = Array.from(text || "");
  const out = document.createDocumentFragment();
  let at = 0;
  const sorted = spans.filter(s => s[0] >= 0 && s[1] <= cps.length && s[0] < s[1]).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  for (const [start, end, cls, title] of sorted) {
    if (start < at) continue;  // overlapping spans: the first wins
    if (start > at) out.append(cps.slice(at, start).join(""));
    out.append(el("mark", { class: cls, title: title || cls }, cps.slice(start, end).join("")));
    at = end;
  }
  if (at < cps.length) out.append(cps.slice(at).join(""));
  return out;
}

// -- events ------------------------------------------------------------------------------------
async function loadEvents() {
  const tbody = document.querySelector("#events tbody");
  let data;
  try {
    data = await api("events", { ...filters(), limit: state.limit, offset: state.offset });
  } catch (err) { showError(document.getElementById("detail"), err); tbody.replaceChildren(); return; }
  state.total = data.total;
  tbody.replaceChildren(...data.events.map(e => {
    const flags = [e.status !== "asserted" ? e.status : null, e.hedged ? "hedged" : null].filter(Boolean).join(", ");
    const row = el("tr", { "data-key": e.event_key, title: e.sentence },
      el("td", {}, e.date || "—"),
      el("td", { class: "code" }, e.source_code || "—"),
      el("td", { class: "code" }, e.target_code || "—"),
      el("td", { class: "code q" + e.quad_class, title: e.cameo_name || "" }, e.cameo),
      el("td", {}, e.plover || "—"),
      el("td", {}, e.place_name ? e.place_name + ", " + (e.place_country || "") : "—"),
      el("td", {}, flags || "asserted"),
      el("td", {}, e.num_articles || 1));
    row.addEventListener("click", () => {
      tbody.querySelectorAll("tr.selected").forEach(r => r.classList.remove("selected"));
      row.classList.add("selected");
      showEvent(e.event_key);
    });
    return row;
  }));
  const last = Math.min(state.offset + state.limit, state.total);
  document.getElementById("page").textContent = state.total ? `${state.offset + 1}–${last} of ${state.total}` : "no events match";
  document.getElementById("prev").disabled = state.offset === 0;
  document.getElementById("next").disabled = last >= state.total;
}

function actorLine(label, m) {
  if (!m) return [el("dt", {}, label), el("dd", {}, "—")];
  const kb = m.kb_id ? " · " + m.kb_id : "";
  return [el("dt", {}, label), el("dd", {}, el("span", { class: "code" }, m.code || "—"), " ", m.name || m.text, kb)];
}

async function showEvent(key) {
  const box = document.getElementById("detail");
  let ev;
  try { ev = await api("events/" + encodeURIComponent(key)); } catch (err) { showError(box, err); return; }
  const s0 = ev.evidence.start;
  const spans = [[ev.evidence.trigger.start - s0, ev.evidence.trigger.end - s0, "trigger", "trigger: " + ev.cameo]];
  if (ev.source && ev.source.start !== undefined) spans.push([ev.source.start - s0, ev.source.end - s0, "source", "source: " + (ev.source.code || "")]);
  if (ev.target) spans.push([ev.target.start - s0, ev.target.end - s0, "target", "target: " + (ev.target.code || "")]);
  if (ev.location) spans.push([ev.location.start - s0, ev.location.end - s0, "place", "place: " + ev.location.name]);
  const art = ev.article || {};
  const url = safeUrl(art.url);
  const reports = (ev.reports || []).map(r => el("li", {}, el("span", { class: "muted" }, (r.date || "") + " " + (r.source || r.article_id || "") + ": "), r.sentence));
  const attribution = ev.attribution ? (ev.attribution.hedged ? "hedged: " : "") + (ev.attribution.text || "") : "—";
  box.replaceChildren(
    el("h2", {}, `${ev.cameo} ${ev.plover || ""}`),
    el("p", { class: "evidence", "data-role": "evidence" }, highlighted(ev.evidence.sentence, spans)),
    el("p", { class: "legend muted" }, el("span", {}, el("mark", { class: "trigger" }, "trigger")), el("span", {}, el("mark", { class: "source" }, "source")),
      el("span", {}, el("mark", { class: "target" }, "target")), el("span", {}, el("mark", { class: "place" }, "place"))),
    el("dl", {},
      ...actorLine("Source", ev.source), ...actorLine("Target", ev.target),
      el("dt", {}, "Place"), el("dd", {}, ev.location ? `${ev.location.name}, ${ev.location.country || ""} (${ev.location.lat}, ${ev.location.lon})` : "—"),
      el("dt", {}, "Date"), el("dd", {}, `${ev.date || "—"} (${ev.date_precision})`),
      el("dt", {}, "Status"), el("dd", {}, ev.status),
      el("dt", {}, "Attribution"), el("dd", {}, attribution),
      el("dt", {}, "Quad / Goldstein"), el("dd", {}, `${ev.quad_class} / ${ev.goldstein}`),
      el("dt", {}, "Article"), el("dd", {}, url ? Object.assign(el("a", { title: url }, art.title || art.id || url), { href: url, rel: "noopener noreferrer", target: "_blank" }) : (art.title || art.id || "—")),
      el("dt", {}, "Rule"), el("dd", { class: "code" }, ev.rule)),
    el("h3", {}, `Reported by ${ev.merged ? ev.merged.num_articles : 1} article(s), ${ev.merged ? ev.merged.num_sources : 1} source(s)`),
    el("ul", {}, ...reports),
    el("button", { onclick: () => { switchTab("articles"); showArticle(ev.article_key || art.article_key); } }, "Open the article"));
}

// -- timeline ----------------------------------------------------------------------------------
async function loadTimeline() {
  const box = document.getElementById("timeline");
  const f = filters();
  document.getElementById("timeline-title").textContent = f.dyad ? `Dyad ${f.dyad}: cooperation above the line, conflict below.` : "All events: cooperation above the line, conflict below. Set a dyad to follow two actors.";
  let data;
  try { data = await api("timeline", { ...f, by: document.getElementById("by").value }); } catch (err) { showError(box, err); return; }
  const series = data.series;
  const W = 900, H = 320, pad = 40, mid = H / 2;
  const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "timeline" });
  if (!series.length) { box.replaceChildren(el("p", { class: "muted" }, "No dated events match.")); return; }
  const maxUp = Math.max(1, ...series.map(p => p.q1 + p.q2)), maxDown = Math.max(1, ...series.map(p => p.q3 + p.q4));
  const scale = (mid - pad) / Math.max(maxUp, maxDown);
  const bw = Math.max(4, (W - 2 * pad) / series.length - 4);
  s.append(svg("line", { x1: pad, x2: W - pad, y1: mid, y2: mid, stroke: "#52606d" }));
  series.forEach((p, i) => {
    const x = pad + i * (W - 2 * pad) / series.length;
    const up = (p.q1 + p.q2) * scale, down = (p.q3 + p.q4) * scale;
    const g = svg("g", { "data-period": p.period });
    g.append(svg("title", {}, `${p.period}: ${p.q1 + p.q2} cooperative, ${p.q3 + p.q4} conflictual, Goldstein ${p.goldstein}`));
    g.append(svg("rect", { x, y: mid - up, width: bw, height: up, fill: "#1f7a4d" }));
    g.append(svg("rect", { x, y: mid, width: bw, height: down, fill: "#b42318" }));
    if (series.length <= 24 || i % Math.ceil(series.length / 24) === 0) g.append(svg("text", { x, y: H - 8 }, p.period));
    s.append(g);
  });
  s.append(svg("text", { x: 4, y: pad - 10 }, `cooperation (max ${maxUp})`));
  s.append(svg("text", { x: 4, y: H - pad + 18 }, `conflict (max ${maxDown})`));
  box.replaceChildren(s);
}

// Fruchterman-Reingold with gravity (unconnected dyads stay near the centre instead of being pushed
// to the border) and cooling; the right margin leaves room for the labels.
function forceLayout(names, edges, W, H) {
  const n = names.length, k = 0.6 * Math.sqrt((W * H) / n), cx = W / 2, cy = H / 2;
  const pos = new Map(names.map((name, i) => [name, { x: cx + 150 * Math.cos(2 * Math.PI * i / n), y: cy + 150 * Math.sin(2 * Math.PI * i / n) }]));
  let t = W / 8;
  for (let it = 0; it < 300; it++) {
    const disp = new Map(names.map(name => [name, { x: 0, y: 0 }]));
    for (const [na, a] of pos) for (const [nb, b] of pos) {
      if (na === nb) continue;
      const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(Math.hypot(dx, dy), 1), f = k * k / d;
      disp.get(na).x += dx / d * f; disp.get(na).y += dy / d * f;
    }
    for (const e of edges) {
      const a = pos.get(e.source), b = pos.get(e.target), dx = a.x - b.x, dy = a.y - b.y;
      const d = Math.max(Math.hypot(dx, dy), 1), f = d * d / k;
      disp.get(e.source).x -= dx / d * f; disp.get(e.source).y -= dy / d * f;
      disp.get(e.target).x += dx / d * f; disp.get(e.target).y += dy / d * f;
    }
    for (const [name, p] of pos) {
      const v = disp.get(name), g = Math.hypot(p.x - cx, p.y - cy);
      v.x -= (p.x - cx) * g / k; v.y -= (p.y - cy) * g / k;
      const len = Math.max(Math.hypot(v.x, v.y), 1e-9), step = Math.min(len, t);
      p.x = Math.min(W - 70, Math.max(15, p.x + v.x / len * step));
      p.y = Math.min(H - 15, Math.max(15, p.y + v.y / len * step));
    }
    t *= 0.97;
  }
  return pos;
}

// -- network -----------------------------------------------------------------------------------
async function loadNetwork() {
  const box = document.getElementById("network");
  let data;
  try { data = await api("network", { ...filters(), limit: 150 }); } catch (err) { showError(box, err); return; }
  const W = 900, H = 560;
  const names = [...new Set(data.edges.flatMap(e => [e.source, e.target]))];
  if (!names.length) { box.replaceChildren(el("p", { class: "muted" }, "No dyads match.")); return; }
  const pos = forceLayout(names, data.edges, W, H);
  const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network" });
  const maxN = Math.max(...data.edges.map(e => e.events));
  for (const e of data.edges) {
    const a = pos.get(e.source), b = pos.get(e.target);
    const line = svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: (e.goldstein || 0) >= 0 ? "#1f7a4d" : "#b42318", "stroke-opacity": 0.6, "stroke-width": 1 + 5 * e.events / maxN });
    line.append(svg("title", {}, `${e.source} → ${e.target}: ${e.events} events, mean Goldstein ${Number(e.goldstein || 0).toFixed(1)}`));
    s.append(line);
  }
  for (const [name, p] of pos) {
    const g = svg("g", { class: "node", "data-actor": name });
    g.append(svg("circle", { cx: p.x, cy: p.y, r: 6 }));
    g.append(svg("text", { x: p.x + 8, y: p.y + 4 }, name));
    g.addEventListener("click", () => { document.querySelector("#filters [name=actor]").value = name; switchTab("events"); reload(); });
    s.append(g);
  }
  box.replaceChildren(s);
}

// -- map ---------------------------------------------------------------------------------------
let world = null;
async function loadMap() {
  const box = document.getElementById("map");
  let data;
  try {
    if (!world) world = (await api("world")).countries;
    data = await api("locations", filters());
  } catch (err) { showError(box, err); return; }
  const W = 960, H = 480, px = lon => (lon + 180) / 360 * W, py = lat => (90 - lat) / 180 * H;
  const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "map of event locations" });
  for (const c of world) {
    const d = c.rings.map(r => "M" + r.map(([lon, lat]) => px(lon).toFixed(1) + "," + py(lat).toFixed(1)).join("L") + "Z").join("");
    const path = svg("path", { d, class: "country" });
    path.append(svg("title", {}, c.name));
    s.append(path);
  }
  const maxN = Math.max(1, ...data.locations.map(l => l.events));
  for (const l of data.locations) {
    const dot = svg("circle", { cx: px(l.lon), cy: py(l.lat), r: 3 + 9 * Math.sqrt(l.events / maxN), fill: l.conflict * 2 > l.events ? "#b42318" : "#1f7a4d", "fill-opacity": 0.7, "data-place": l.place_name || "" });
    dot.append(svg("title", {}, `${l.place_name || ""}, ${l.place_country || ""}: ${l.events} events`));
    dot.addEventListener("click", () => { document.querySelector("#filters [name=place]").value = l.place_name || l.place_country; switchTab("events"); reload(); });
    s.append(dot);
  }
  box.replaceChildren(s);
}

// -- articles ----------------------------------------------------------------------------------
async function loadArticles() {
  const tbody = document.querySelector("#articles tbody");
  let data;
  try { data = await api("articles", { limit: 200 }); } catch (err) { showError(document.getElementById("article"), err); return; }
  tbody.replaceChildren(...data.articles.map(a => {
    const row = el("tr", { "data-key": a.article_key }, el("td", {}, a.date || "—"), el("td", {}, a.title || a.id || "—"),
      el("td", {}, a.source || "—"), el("td", {}, a.lang || ""), el("td", {}, a.n_events));
    row.addEventListener("click", () => showArticle(a.article_key));
    return row;
  }));
}

async function showArticle(key) {
  const box = document.getElementById("article");
  let a;
  try { a = await api("articles/" + encodeURIComponent(key)); } catch (err) { showError(box, err); return; }
  const spans = [];
  for (const e of a.events) spans.push([e.trigger_start, e.trigger_end, "trigger", `${e.cameo} ${e.plover || ""}`]);
  for (const p of a.places) spans.push([p.start_char, p.end_char, "place", `${p.name}, ${p.country || ""}`]);
  for (const m of a.mentions) spans.push([m.start_char, m.end_char, "actor", m.code || m.name || "actor"]);
  const url = safeUrl(a.url);
  box.replaceChildren(
    el("h2", {}, a.title || a.id || "article"),
    el("p", { class: "muted" }, `${a.date || ""} · ${a.source || ""} · ${a.lang || ""} · ${a.n_events} events`),
    url ? Object.assign(el("a", {}, url), { href: url, rel: "noopener noreferrer", target: "_blank" }) : "",
    el("div", { class: "article-text", "data-role": "article-text" }, highlighted(a.text, spans)),
    el("h3", {}, `Quotes (${a.quotes.length})`),
    el("ul", {}, ...a.quotes.map(q => el("li", { "data-kind": q.kind || "" }, el("mark", { class: "quote" }, q.text), " — ", q.speaker_name || q.speaker_text || "unknown speaker", q.kind && q.kind !== "direct" ? ` (${q.kind})` : ""))));
}

// -- wiring ------------------------------------------------------------------------------------
function switchTab(tab) {
  state.tab = tab;
  for (const b of document.querySelectorAll("nav button")) b.classList.toggle("active", b.dataset.tab === tab);
  for (const s of document.querySelectorAll("section.tab")) s.hidden = s.id !== "tab-" + tab;
  reload();
}

function reload() {
  ({ events: loadEvents, timeline: loadTimeline, network: loadNetwork, map: loadMap, articles: loadArticles })[state.tab]();
}

document.addEventListener("DOMContentLoaded", async () => {
  const plover = document.querySelector("#filters [name=plover]");
  for (const p of PLOVER) plover.append(el("option", {}, p));
  document.querySelectorAll("nav button").forEach(b => b.addEventListener("click", () => switchTab(b.dataset.tab)));
  document.getElementById("filters").addEventListener("submit", ev => { ev.preventDefault(); state.offset = 0; reload(); });
  document.getElementById("filters").addEventListener("reset", () => setTimeout(() => { state.offset = 0; reload(); }, 0));
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - state.limit); loadEvents(); });
  document.getElementById("next").addEventListener("click", () => { state.offset += state.limit; loadEvents(); });
  document.getElementById("by").addEventListener("change", loadTimeline);
  try {
    const h = await api("health");
    document.getElementById("counts").textContent = `${h.counts.articles} articles · ${h.counts.events} events · ${h.counts.merged_events} after merging`;
  } catch (err) { document.getElementById("counts").textContent = "store unavailable: " + err.message; }
  loadEvents();
});
