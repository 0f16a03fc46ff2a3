"use strict";
// The Circus web console. Every figure comes from an MBean attribute and every button calls an MBean
// operation, through Jolokia's JSON API at ./jolokia (one bulk POST per poll). No logic of its own.

const POLL_MS = 1000;
const HISTORY = 120;          // samples kept per graph: two minutes at one poll a second
const PAGE_SIZE = 50;         // process rows drawn at once; the rest are a page away
const MAX_EVENTS = 200;
const TAIL_LINES = 100;

const state = {
  watchers: new Map(),        // mbean name -> attributes
  series: new Map(),          // key -> {cpu: Series, mem: Series}
  selected: null,             // watcher name whose processes are shown
  page: 0,
  processNames: [],           // ObjectNames of the selected watcher's processes, by wid
  lastSeq: 0,
  polling: false,
};

async function jolokia(requests) {
  const response = await fetch("jolokia", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(requests),
    credentials: "same-origin",
  });
  if (!response.ok) throw new Error("HTTP " + response.status);
  return response.json();
}

function exec(mbean, operation, ...args) {
  return jolokia([{ type: "exec", mbean, operation, arguments: args }]).then(([r]) => {
    if (r.status !== 200) throw new Error(r.error || ("status " + r.status));
    return r.value;
  });
}

const WATCHER_ATTRS = ["Name", "State", "StateCode", "Running", "NumProcesses", "CpuPercent", "RssBytes", "Singleton"];
const PROCESS_ATTRS = ["Wid", "Pid", "State", "StartTimeIso", "UptimeSeconds", "CpuPercent", "RssBytes"];

async function poll() {
  if (state.polling) return;  // a slow daemon never gets a second request stacked on the first
  state.polling = true;
  const began = performance.now();
  try {
    const requests = [
      { type: "read", mbean: "circus:type=Arbiter", attribute: ["Version", "Pid", "StartTimeIso", "NumProcesses"] },
      { type: "read", mbean: "circus:type=Watcher,*", attribute: WATCHER_ATTRS },
      { type: "exec", mbean: "circus:type=Arbiter", operation: "events", arguments: [state.lastSeq] },
    ];
    const watcher = selectedMBean();
    if (watcher) {
      requests.push({ type: "read", mbean: watcher, attribute: ["Processes"] });
      for (const stream of ["stdout", "stderr"]) {
        requests.push({ type: "exec", mbean: watcher, operation: "tail", arguments: [stream, TAIL_LINES] });
      }
    }
    const [arbiter, watchers, events, procs, stdout, stderr] = await jolokia(requests);
    if (stdout) showTail("stdout", stdout);
    if (stderr) showTail("stderr", stderr);
    showDaemon(arbiter);
    showWatchers(watchers.status === 200 ? watchers.value : {});
    if (events.status === 200) showEvents(events.value);
    if (procs && procs.status === 200) await showProcesses(procs.value.Processes);
    document.getElementById("status").textContent = "";
  } catch (e) {
    document.getElementById("status").textContent = "daemon unreachable: " + e.message;
  } finally {
    state.polling = false;
    // How long a poll took, request and drawing: read by the tests and shown on hover.
    document.body.dataset.pollMs = String(Math.round(performance.now() - began));
    document.getElementById("daemon").title = "last refresh took " + document.body.dataset.pollMs + " ms";
  }
}

function showDaemon(r) {
  if (r.status !== 200) return;
  const v = r.value;
  document.getElementById("daemon").textContent =
    `version ${v.Version} · pid ${v.Pid} · up since ${v.StartTimeIso} · ${v.NumProcesses} processes`;
}

function seriesFor(key) {
  let s = state.series.get(key);
  if (!s) { s = { cpu: new Series(HISTORY), mem: new Series(HISTORY) }; state.series.set(key, s); }
  return s;
}

function selectedMBean() {
  for (const [mbean, w] of state.watchers) if (w.Name === state.selected) return mbean;
  return null;
}

function showWatchers(byMBean) {
  const body = document.querySelector("#watchers tbody");
  const names = Object.keys(byMBean).sort((a, b) => byMBean[a].Name.localeCompare(byMBean[b].Name));
  state.watchers = new Map(names.map(n => [n, byMBean[n]]));
  const seen = new Set();
  for (const mbean of names) {
    const w = byMBean[mbean];
    seen.add(w.Name);
    let row = body.querySelector(`tr[data-watcher="${CSS.escape(w.Name)}"]`);
    if (!row) {
      row = watcherRow(w.Name);
      body.appendChild(row);
    }
    row.dataset.mbean = mbean;
    row.classList.toggle("selected", w.Name === state.selected);
    cell(row, "state").innerHTML = `<span class="state state-${w.State}">${w.State}</span>`;
    cell(row, "processes").textContent = `${w.Running} / ${w.NumProcesses}`;
    cell(row, "cpu").textContent = w.CpuPercent.toFixed(1) + " %";
    cell(row, "mem").textContent = bytes(w.RssBytes);
    const s = seriesFor("w:" + w.Name);
    s.cpu.push(w.CpuPercent);
    s.mem.push(w.RssBytes);
    Graphs.show(cell(row, "cpu-graph").firstChild, s.cpu, "#3465a4");
    Graphs.show(cell(row, "mem-graph").firstChild, s.mem, "#73a839");
  }
  for (const row of [...body.rows]) if (!seen.has(row.dataset.watcher)) row.remove();
}

function watcherRow(name) {
  const row = document.createElement("tr");
  row.dataset.watcher = name;
  for (const c of ["name", "state", "processes", "cpu", "mem", "cpu-graph", "mem-graph", "actions"]) {
    const td = document.createElement("td");
    td.dataset.col = c;
    if (c === "processes" || c === "cpu" || c === "mem") td.className = "num";
    row.appendChild(td);
  }
  cell(row, "name").textContent = name;
  cell(row, "name").addEventListener("click", () => select(name));
  cell(row, "cpu-graph").appendChild(canvas(140, 28));
  cell(row, "mem-graph").appendChild(canvas(140, 28));
  const actions = cell(row, "actions");
  const mbean = () => row.dataset.mbean;
  const buttons = {
    start: () => exec(mbean(), "start", false),
    stop: () => exec(mbean(), "stop", false),
    restart: () => exec(mbean(), "restart", false),
    reload: () => exec(mbean(), "reload", true, false, false),
    incr: () => exec(mbean(), "incr", 1, false),
    decr: () => exec(mbean(), "decr", 1, false),
  };
  for (const [op, run] of Object.entries(buttons)) actions.appendChild(button(op, name, run));
  const signal = document.createElement("select");
  signal.dataset.op = "signum";
  for (const s of ["HUP", "USR1", "USR2", "TERM", "INT", "QUIT", "KILL"]) signal.add(new Option(s, s));
  actions.appendChild(signal);
  actions.appendChild(button("signal", name, () => exec(mbean(), "sendSignal", signal.value)));
  return row;
}

function button(op, watcher, run) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = op;
  b.dataset.op = op;
  b.addEventListener("click", () => {
    b.disabled = true;
    run().then(() => poll()).catch(e => alert(`${op} ${watcher}: ${e.message}`)).finally(() => { b.disabled = false; });
  });
  return b;
}

function canvas(w, h) {
  const c = document.createElement("canvas");
  c.width = w; c.height = h;
  return c;
}

function cell(row, col) { return row.querySelector(`td[data-col="${col}"]`); }

function select(name) {
  state.selected = state.selected === name ? null : name;
  state.page = 0;
  document.getElementById("detail").hidden = !state.selected;
  document.getElementById("detail-name").textContent = state.selected || "";
  document.querySelector("#processes tbody").replaceChildren();
  poll();
}

async function showProcesses(names) {
  // Only the rows of the shown page are read and drawn: a thousand processes cost fifty reads.
  const byWid = names.map(n => n.objectName || n).sort((a, b) => wid(a) - wid(b));
  state.processNames = byWid;
  const pages = Math.max(1, Math.ceil(byWid.length / PAGE_SIZE));
  state.page = Math.min(state.page, pages - 1);
  document.getElementById("page").textContent = `page ${state.page + 1} of ${pages} (${byWid.length} processes)`;
  const shown = byWid.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE);
  const replies = shown.length ? await jolokia(shown.map(mbean => ({ type: "read", mbean, attribute: PROCESS_ATTRS }))) : [];
  const body = document.querySelector("#processes tbody");
  const rows = [];
  replies.forEach((r, i) => {
    if (r.status !== 200) return;
    const p = r.value;
    let row = body.querySelector(`tr[data-wid="${p.Wid}"]`) || processRow(p.Wid, shown[i]);
    cell(row, "pid").textContent = p.Pid;
    cell(row, "state").innerHTML = `<span class="state state-${p.State}">${p.State}</span>`;
    cell(row, "age").textContent = p.StartTimeIso ? age(p.UptimeSeconds) : "";
    cell(row, "age").title = p.StartTimeIso;
    cell(row, "cpu").textContent = p.CpuPercent.toFixed(1) + " %";
    cell(row, "mem").textContent = bytes(p.RssBytes);
    row.dataset.pid = p.Pid;
    const s = seriesFor("p:" + state.selected + ":" + p.Wid);
    s.cpu.push(p.CpuPercent);
    s.mem.push(p.RssBytes);
    Graphs.show(cell(row, "cpu-graph").firstChild, s.cpu, "#3465a4");
    Graphs.show(cell(row, "mem-graph").firstChild, s.mem, "#73a839");
    rows.push(row);
  });
  body.replaceChildren(...rows);
}

function processRow(w, mbean) {
  const row = document.createElement("tr");
  row.dataset.wid = w;
  for (const c of ["wid", "pid", "state", "age", "cpu", "mem", "cpu-graph", "mem-graph", "actions"]) {
    const td = document.createElement("td");
    td.dataset.col = c;
    if (c !== "state" && c !== "actions" && !c.endsWith("graph")) td.className = "num";
    row.appendChild(td);
  }
  cell(row, "wid").textContent = w;
  cell(row, "cpu-graph").appendChild(canvas(100, 22));
  cell(row, "mem-graph").appendChild(canvas(100, 22));
  cell(row, "actions").appendChild(button("kill", "wid " + w, () => exec(mbean, "kill", "", -1, false)));
  return row;
}

function wid(objectName) {
  const m = /[,:]name=(\d+)/.exec(objectName);
  return m ? Number(m[1]) : 0;
}

function showEvents(entries) {
  if (!entries.length) return;
  const list = document.getElementById("events");
  const fragment = document.createDocumentFragment();
  for (const e of entries) {
    const li = document.createElement("li");
    li.dataset.type = e.type;
    li.dataset.seq = e.seq;
    const t = document.createElement("time");
    t.dateTime = e.time;
    t.textContent = e.time.substring(11, 19);
    li.append(t, e.message);
    fragment.prepend(li);
    state.lastSeq = Math.max(state.lastSeq, e.seq);
  }
  list.prepend(fragment);
  while (list.children.length > MAX_EVENTS) list.lastChild.remove();
}

function showTail(stream, reply) {
  const pre = document.getElementById("tail-" + stream);
  const text = reply.status === 200
    ? (reply.value.length ? reply.value.join("\n") : "(nothing yet, or " + stream + "_stream is not configured)")
    : "unavailable: " + reply.error;
  if (pre.textContent !== text) {   // untouched when unchanged, so a reader's selection survives a poll
    const atEnd = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
    pre.textContent = text;
    if (atEnd) pre.scrollTop = pre.scrollHeight;
  }
}

function bytes(n) {
  if (n >= 1 << 30) return (n / (1 << 30)).toFixed(1) + " GiB";
  if (n >= 1 << 20) return (n / (1 << 20)).toFixed(1) + " MiB";
  if (n >= 1 << 10) return (n / (1 << 10)).toFixed(0) + " KiB";
  return n + " B";
}

function age(seconds) {
  if (seconds < 60) return seconds + " s";
  if (seconds < 3600) return Math.floor(seconds / 60) + " min";
  if (seconds < 86400) return Math.floor(seconds / 3600) + " h";
  return Math.floor(seconds / 86400) + " d";
}

document.getElementById("prev").addEventListener("click", () => { state.page = Math.max(0, state.page - 1); poll(); });
document.getElementById("next").addEventListener("click", () => { state.page++; poll(); });
poll();
setInterval(poll, POLL_MS);
